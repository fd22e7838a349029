using LlmPrep.Core;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Tests.Support;

/// <summary>A throwaway corpus folder and data folder for one test.</summary>
public sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Root = Directory.CreateTempSubdirectory("llmprep-corpus-").FullName;
        DataDirectory = Directory.CreateTempSubdirectory("llmprep-data-").FullName;
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public LibraryOptions Options => new([new CorpusRoot("test", Root)], DataDirectory);

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteNote(string section, string id, string title, string body, string aliases = "", string tags = "retrieval", string level = "intermediate", string priority = "must") =>
        Write($"{section}/{id}.md", Notes.Valid(section, id, title, body, aliases, tags, level, priority));

    public CorpusSnapshot Load() => CorpusLoader.Load(Options.Roots);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TryDelete(Root);
        TryDelete(DataDirectory);
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
