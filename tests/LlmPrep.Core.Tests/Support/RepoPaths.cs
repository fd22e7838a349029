namespace LlmPrep.Core.Tests.Support;

/// <summary>Finds folders of this repository from the test output folder.</summary>
public static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LlmPrep.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("LlmPrep.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Corpus => Path.Combine(Root, "corpus");
}
