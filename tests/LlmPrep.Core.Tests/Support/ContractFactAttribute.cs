using Xunit.Sdk;

namespace LlmPrep.Core.Tests.Support;

/// <summary>
/// A test of a contract shared by several implementations: it runs in each subclass of the contract, and in a subclass
/// marked <see cref="NeedsPostgresAttribute"/> it is skipped like a <c>PostgresFact</c> when no test server is configured.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("LlmPrep.Core.Tests.Support.ContractFactDiscoverer", "LlmPrep.Core.Tests")]
public sealed class ContractFactAttribute : FactAttribute;
