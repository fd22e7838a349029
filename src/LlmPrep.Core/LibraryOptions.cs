using LlmPrep.Core.Corpus;

namespace LlmPrep.Core;

/// <summary>Where the notes are and where the disposable index and the person's progress live.</summary>
/// <param name="Roots">Corpus folders, searched in order (the bundled corpus first).</param>
/// <param name="DataDirectory">Folder for <c>index.db</c> (a cache) and <c>progress.db</c> (the person's data).</param>
public sealed record LibraryOptions(IReadOnlyList<CorpusRoot> Roots, string DataDirectory)
{
    public string IndexPath => Path.Combine(DataDirectory, "index.db");

    public string ProgressPath => Path.Combine(DataDirectory, "progress.db");

    /// <summary>The default data folder: <c>~/.local/share/llmprep</c> on Linux, the local app-data folder elsewhere.</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "llmprep");
}
