namespace LlmPrep.Core.Corpus;

/// <summary>
/// A note's markdown without its front matter. A fresh parse holds the text; once released (after indexing), or when
/// the note came from the parse cache, the text is read again from the file on demand and held only weakly, so a large
/// vault's text does not stay in memory while the sections of a note searched or read again and again (each cut from
/// the same body) read the file once while it lives. A body released while a large vault is being indexed is held
/// weakly until it is released again, so the index seldom reads it back.
/// </summary>
internal sealed class NoteBody
{
    private readonly BodyFile? _file;
    private string? _text;
    private readonly HashText _hash;
    private WeakReference<string>? _weak;

    /// <param name="text">The body text, held until <see cref="Release"/>.</param>
    /// <param name="file">The file it came from, or null when it has no file (it is then never released).</param>
    /// <param name="startLine">0-based line of the file where the body starts (after the front matter).</param>
    /// <param name="hash">The file's content hash when the text was parsed.</param>
    public NoteBody(string? text, BodyFile? file, int startLine, string hash)
    {
        _text = text;
        _file = file;
        StartLine = startLine;
        _hash = HashText.Of(hash);
    }

    public int StartLine { get; }

    /// <summary>The file's content hash when the text was parsed (held as its bytes).</summary>
    public string Hash => _hash.Text;

    public string Text
    {
        get
        {
            if (_text is { } text)
            {
                return text;
            }

            // Read once: a release on another thread (the grader's build) may replace or clear the handle meanwhile.
            var handle = _weak;
            if (handle is not null && handle.TryGetTarget(out var weak))
            {
                return weak;
            }

            var read = Read();
            if (handle is null)
            {
                _weak = new WeakReference<string>(read);
            }
            else
            {
                handle.SetTarget(read);
            }

            return read;
        }
    }

    /// <summary>Lets go of the text when it can be read again from its file, holding it weakly until the next release,
    /// which lets go of that too (no handle a note stays behind).</summary>
    public void Release()
    {
        if (_file is null)
        {
            return;
        }

        _weak = _text is { } text ? new WeakReference<string>(text) : null;
        _text = null;
    }

    private string Read()
    {
        var file = _file!.Value;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone since it was parsed: the next reload drops the note.
            return "";
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        if (FileHash.Of(bytes) == Hash)
        {
            return NoteParser.BodyOf(text, StartLine);
        }

        // Changed since it was parsed and not yet reloaded: serve the new text (sections are cut within its bounds).
        return NoteParser.Parse(file.FileName, text, new List<CorpusProblem>()).Body;
    }
}
