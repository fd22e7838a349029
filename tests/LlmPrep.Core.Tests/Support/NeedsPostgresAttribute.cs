namespace LlmPrep.Core.Tests.Support;

/// <summary>Marks a test class whose <see cref="ContractFactAttribute"/> tests run against the PostgreSQL test server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPostgresAttribute : Attribute;
