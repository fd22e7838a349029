using System.Diagnostics;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Loads every note under the corpus roots, then checks what spans notes: unique ids and paths
/// and resolvable <c>[[links]]</c>. A broken note is reported and, where possible, still served.
/// </summary>
public static class CorpusLoader
{
    /// <param name="roots">The corpus folders, in order.</param>
    /// <param name="previous">An earlier snapshot of the same roots: files whose size and modification time are
    /// unchanged reuse its parse instead of being read again.</param>
    public static CorpusSnapshot Load(IEnumerable<CorpusRoot> roots, CorpusSnapshot? previous = null) => Load(CorpusScan.Of(roots), previous, null);

    /// <param name="scan">The files under the corpus roots, with the size and modification time the listing gave.</param>
    /// <param name="previous">An earlier snapshot of the same roots, whose parses of unchanged files are reused.</param>
    /// <param name="cache">The parse cache kept beside the index: asked for the parses of the files the previous
    /// snapshot did not have, by key, size and modification time, before any file is opened.</param>
    /// <param name="onParsed">Told of each file's parse as soon as it is ready (from any thread, in no order), with
    /// the file's place in <paramref name="scan"/>.</param>
    internal static CorpusSnapshot Load(CorpusScan scan, CorpusSnapshot? previous, IParseCache? cache, Action<int, ParsedFile>? onParsed = null)
    {
        var problems = scan.MissingRoots
            .Select(root => new CorpusProblem(root.Directory, 0, ProblemSeverity.Error, $"corpus root '{root.Name}' does not exist"))
            .ToList();
        var found = scan.Files;

        // Unchanged files come from the previous snapshot or the parse cache without being opened; the rest are
        // read and parsed on all cores.
        var parsedFiles = new ParsedFile?[found.Count];
        if (previous is not null)
        {
            for (var i = 0; i < found.Count; i++)
            {
                if (previous.Parses.Find(found[i].Key, i) is { } known
                    && known.File.Size == found[i].Size && known.File.ModifiedTicks == found[i].ModifiedTicks)
                {
                    parsedFiles[i] = known;
                }
            }
        }

        var cached = cache?.Fill(found, parsedFiles) ?? 0;
        var toParse = Enumerable.Range(0, found.Count).Where(i => parsedFiles[i] is null).ToList();
        if (onParsed is not null)
        {
            for (var i = 0; i < found.Count; i++)
            {
                if (parsedFiles[i] is { } known)
                {
                    onParsed(i, known);
                }
            }
        }

        // A large vault's text is not held all at once: past a few thousand files each body is let go once parsed
        // and the index reads it again from the file.
        var release = toParse.Count > ReleaseAfter;
        if (toParse.Count > 1)
        {
            Parallel.ForEach(toParse, i => Parse(i));
        }
        else
        {
            toParse.ForEach(Parse);
        }

        void Parse(int i)
        {
            parsedFiles[i] = ReadAndParse(found[i], release);
            onParsed?.Invoke(i, parsedFiles[i]!);
        }

        var files = new List<NoteFile>(found.Count);
        var notes = new List<Note>(found.Count);
        var ids = CorpusSnapshot.NewIdLookup(found.Count);
        var paths = CorpusSnapshot.NewPathLookup(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var parsed = parsedFiles[i]!;
            problems.AddRange(parsed.Problems);
            var file = parsed.File;
            if (file.Note is { } note)
            {
                if (ids.TryGetValue(note.Id, out var existing))
                {
                    problems.Add(new CorpusProblem(found[i].Relative, 1, ProblemSeverity.Error, $"id '{note.Id}' is already used by '{notes[existing].Path}'; this note is skipped"));
                    file = file with { Note = null };
                }
                else if (!paths.TryAdd(note.Path, note))
                {
                    problems.Add(new CorpusProblem(found[i].Relative, 1, ProblemSeverity.Error, $"path '{note.Path}' exists in another corpus root; this note is skipped"));
                    file = file with { Note = null };
                }
                else
                {
                    ids[note.Id] = notes.Count;
                    notes.Add(note);
                }
            }

            files.Add(file);
        }

        CheckLinks(notes, ids, problems);
        return new CorpusSnapshot(notes, files, problems, ids, paths) { Parses = new ParsedFiles(parsedFiles!), ParsedCount = toParse.Count, CachedCount = cached };
    }

    /// <summary>How many files a load parses before it stops holding their text in memory.</summary>
    private const int ReleaseAfter = 5_000;

    private static ParsedFile ReadAndParse(ScannedFile found, bool release)
    {
        var problems = new List<CorpusProblem>();
        var (fullPath, relative) = (found.FullPath, found.Relative);
        try
        {
            var info = new FileInfo(fullPath);
            var bytes = File.ReadAllBytes(fullPath);
            var hash = FileHash.Of(bytes);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var note = NoteParser.Parse(relative, text, problems, BodyFile.Of(found), hash);
            if (release)
            {
                note.BodySource?.Release();
            }

            return new ParsedFile(new NoteFile(found.Key, info.Length, info.LastWriteTimeUtc.Ticks, hash, note), problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new CorpusProblem(relative, 0, ProblemSeverity.Error, $"cannot read the file: {ex.Message}"));
            return new ParsedFile(new NoteFile(found.Key, 0, 0, "", null), problems);
        }
    }

    private static void CheckLinks(List<Note> notes, Dictionary<string, int> ids, List<CorpusProblem> problems)
    {
        var targets = new LinkTargets(notes, ids);
        foreach (var note in notes)
        {
            var severity = note.HasFrontMatter ? ProblemSeverity.Error : ProblemSeverity.Warning;
            var links = note.Links as NoteLink[];
            for (var i = 0; i < note.Links.Count; i++)
            {
                var link = note.Links[i];
                var target = targets.Find(link.Target);
                if (links is not null && target is not null && !ReferenceEquals(target.Id, link.Target) && string.Equals(target.Id, link.Target, StringComparison.Ordinal))
                {
                    // A link by the note's id holds the note's own id string rather than a copy of it.
                    links[i] = link with { Target = target.Id };
                }

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
