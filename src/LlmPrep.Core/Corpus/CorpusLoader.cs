using System.Diagnostics;
using System.Security.Cryptography;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Loads every note under the corpus roots, then checks what spans notes: unique ids and paths
/// and resolvable <c>[[links]]</c>. A broken note is reported and, where possible, still served.
/// </summary>
public static class CorpusLoader
{
    private static readonly EnumerationOptions Enumeration = new()
    {
        RecurseSubdirectories = true,
        // Hidden folders (.git, .obsidian, .trash) and symlinks are skipped: a link could point out of the root.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,
    };

    /// <param name="roots">The corpus folders, in order.</param>
    /// <param name="previous">An earlier snapshot of the same roots: files whose size and modification time are
    /// unchanged reuse its parse instead of being read again.</param>
    public static CorpusSnapshot Load(IEnumerable<CorpusRoot> roots, CorpusSnapshot? previous = null)
    {
        var parses = new Dictionary<string, ParsedFile>(StringComparer.Ordinal);
        var problems = new List<CorpusProblem>();
        var files = new List<NoteFile>();
        var notes = new List<Note>();
        var ids = new Dictionary<string, Note>(StringComparer.OrdinalIgnoreCase);
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var root in roots)
        {
            if (!Directory.Exists(root.Directory))
            {
                problems.Add(new CorpusProblem(root.Directory, 0, ProblemSeverity.Error, $"corpus root '{root.Name}' does not exist"));
                continue;
            }

            var rootPath = Path.GetFullPath(root.Directory);
            foreach (var fullPath in Directory.EnumerateFiles(rootPath, "*.md", Enumeration).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(rootPath, fullPath).Replace('\\', '/');
                if (relative.Equals("README.md", StringComparison.OrdinalIgnoreCase) || relative.Split('/').Any(p => p.StartsWith('.')))
                {
                    continue;
                }

                var parsed = LoadFile(root, fullPath, relative, previous);
                parses[parsed.File.Key] = parsed;
                problems.AddRange(parsed.Problems);
                var file = parsed.File;
                if (file.Note is { } note)
                {
                    if (ids.TryGetValue(note.Id, out var existing))
                    {
                        problems.Add(new CorpusProblem(relative, 1, ProblemSeverity.Error, $"id '{note.Id}' is already used by '{existing.Path}'; this note is skipped"));
                        file = file with { Note = null };
                    }
                    else if (!paths.Add(note.Path))
                    {
                        problems.Add(new CorpusProblem(relative, 1, ProblemSeverity.Error, $"path '{note.Path}' exists in another corpus root; this note is skipped"));
                        file = file with { Note = null };
                    }
                    else
                    {
                        ids[note.Id] = note;
                        notes.Add(note);
                    }
                }

                files.Add(file);
            }
        }

        CheckLinks(notes, ids, problems);
        return new CorpusSnapshot(notes, files, problems) { Parses = parses };
    }

    private static ParsedFile LoadFile(CorpusRoot root, string fullPath, string relative, CorpusSnapshot? previous)
    {
        var key = $"{root.Name}:{relative}";
        var problems = new List<CorpusProblem>();
        try
        {
            var info = new FileInfo(fullPath);
            if (previous?.Parses.GetValueOrDefault(key) is { } known
                && known.File.Size == info.Length && known.File.ModifiedTicks == info.LastWriteTimeUtc.Ticks)
            {
                return known;
            }

            var bytes = File.ReadAllBytes(fullPath);
            var hash = Convert.ToHexString(SHA256.HashData(bytes), 0, 16);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var note = NoteParser.Parse(relative, text, problems);
            return new ParsedFile(new NoteFile(key, info.Length, info.LastWriteTimeUtc.Ticks, hash, note), problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new CorpusProblem(relative, 0, ProblemSeverity.Error, $"cannot read the file: {ex.Message}"));
            return new ParsedFile(new NoteFile(key, 0, 0, "", null), problems);
        }
    }

    private static void CheckLinks(List<Note> notes, Dictionary<string, Note> ids, List<CorpusProblem> problems)
    {
        foreach (var note in notes)
        {
            var severity = note.HasFrontMatter ? ProblemSeverity.Error : ProblemSeverity.Warning;
            foreach (var link in note.Links)
            {
                var target = ids.GetValueOrDefault(link.Target)
                    ?? notes.FirstOrDefault(n => n.Path.EndsWith(link.Target, StringComparison.OrdinalIgnoreCase)
                        || n.Title.Equals(link.Target, StringComparison.OrdinalIgnoreCase));
                if (target is null)
                {
                    problems.Add(new CorpusProblem(note.Path + ".md", link.Line, severity, $"link [[{link.Target}]] names no note"));
                }
                else if (link.Heading is { } heading && target.FindSection(Slug.From(heading)) is null)
                {
                    problems.Add(new CorpusProblem(note.Path + ".md", link.Line, severity, $"link [[{link.Target}#{heading}]]: '{target.Id}' has no heading '{heading}'"));
                }
            }
        }

        Debug.Assert(notes.Count == ids.Count, "every loaded note has a unique id");
    }
}
