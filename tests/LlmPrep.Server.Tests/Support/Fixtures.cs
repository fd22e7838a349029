namespace LlmPrep.Server.Tests.Support;

/// <summary>Paths of the test fixtures copied beside the test assembly.</summary>
public static class Fixtures
{
    public static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    /// <summary>The built server, copied beside the tests through the project reference.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "llmprep.dll");

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("llmprep-test-data-").FullName;
}
