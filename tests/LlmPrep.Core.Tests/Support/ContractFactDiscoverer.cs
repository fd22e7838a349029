using LlmPrep.Tests.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LlmPrep.Core.Tests.Support;

/// <summary>Finds <see cref="ContractFactAttribute"/> tests, skipping them in a PostgreSQL subclass when there is no server to run them on.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgresAttribute).AssemblyQualifiedName).Any();
        return needsPostgres && PostgresTestServer.SkipReason is { } reason
            ? new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
