namespace LlmPrep.Core.Corpus;

/// <summary>A flashcard from a note's <c>## Quiz</c> section (or an Obsidian spaced-repetition card).</summary>
/// <param name="Id">Stable id: <c>&lt;note id&gt;/&lt;slug of the question&gt;</c>.</param>
/// <param name="NoteId">The note the card belongs to; its answer is found there.</param>
/// <param name="Question">What the interviewer asks.</param>
/// <param name="Answer">The reference answer.</param>
/// <param name="KeyPoints">What a grader checks for.</param>
/// <param name="Line">1-based line of the question in the file.</param>
/// <remarks>
/// A large vault has more cards than notes, so a card holds its texts as one UTF-8 array (about half the memory of
/// strings, and one object instead of one a text): its id without the note id it starts with, the question, the
/// answer and the key points. Each is made a string when it is read.
/// </remarks>
public sealed record QuizCard(string Id, string NoteId, string Question, string Answer, IReadOnlyList<string> KeyPoints, int Line)
{
    /// <summary>Where the id (or its part after the note id), the question, the answer and the key points lie in <see cref="_text"/>.</summary>
    private const int IdAt = 0, QuestionAt = 1, AnswerAt = 2, KeyPointsAt = 3;

    /// <summary>The note id the card id starts with (followed by <c>/</c>), or null when the id is held whole.</summary>
    private readonly string? _idPrefix = PrefixOf(Id, NoteId);
    private readonly bool _keyPointsFromAnswer = KeyPoints is null;
    private readonly CompactList _text = CompactList.Of(Pack(Rest(Id, PrefixOf(Id, NoteId)), Question, Answer, KeyPoints));

    /// <summary>Stable id: <c>&lt;note id&gt;/&lt;slug of the question&gt;</c> (made whole from the note id and the rest when read).</summary>
    public string Id
    {
        get => _idPrefix is null ? _text.At(IdAt)! : string.Concat(_idPrefix, "/", _text.At(IdAt));
        init
        {
            _idPrefix = PrefixOf(value, NoteId);
            _text = CompactList.Of(Pack(Rest(value, _idPrefix), Question, Answer, KeyPointsAsHeld));
        }
    }

    /// <summary>What the interviewer asks.</summary>
    public string Question
    {
        get => _text.At(QuestionAt)!;
        init => _text = CompactList.Of(Pack(_text.At(IdAt)!, value, Answer, KeyPointsAsHeld));
    }

    /// <summary>The reference answer.</summary>
    public string Answer
    {
        get => _text.At(AnswerAt)!;
        init => _text = CompactList.Of(Pack(_text.At(IdAt)!, Question, value, KeyPointsAsHeld));
    }

    /// <summary>What a grader checks for: the card's own key points, or for a card that has none (a vault card) the
    /// answer's sentences, worked out from the answer each time they are asked for rather than held.</summary>
    public IReadOnlyList<string> KeyPoints
    {
        get => KeyPointsAsHeld ?? SpacedRepetitionCards.KeyPointsOf(Answer);
        init
        {
            _keyPointsFromAnswer = value is null;
            _text = CompactList.Of(Pack(_text.At(IdAt)!, Question, Answer, value));
        }
    }

    /// <summary>
    /// Adds the card's <see cref="KeyPoints"/> to <paramref name="into"/> without making strings of them: for reading
    /// every card of a large vault. <paramref name="scratch"/> holds the answer while its sentences are found.
    /// </summary>
    internal void ReadKeyPoints(TextBuffer into, TextBuffer scratch)
    {
        if (!_keyPointsFromAnswer)
        {
            _text.ReadInto(KeyPointsAt, int.MaxValue, into);
            return;
        }

        scratch.Clear();
        _text.ReadInto(AnswerAt, 1, scratch);
        SpacedRepetitionCards.AddKeyPointsOf(scratch[0], into);
    }

    /// <summary>True when <see cref="Id"/> is <see cref="NoteId"/>, a slash and the rest (as the parser makes every id).</summary>
    internal bool IdStartsWithNoteId => _idPrefix is not null && string.Equals(_idPrefix, NoteId, StringComparison.Ordinal);

    /// <summary>True when the key points are the answer's sentences rather than the card's own.</summary>
    internal bool KeyPointsFromAnswer => _keyPointsFromAnswer;

    private IReadOnlyList<string>? KeyPointsAsHeld => _keyPointsFromAnswer ? null : _text.From(KeyPointsAt);

    /// <summary>A card without key points of its own: a grader checks the answer's sentences.</summary>
    internal static QuizCard FromAnswer(string id, string noteId, string question, string answer, int line) =>
        new(id, noteId, question, answer, null!, line);

    /// <summary>
    /// A card whose question, answer and key points (none when <paramref name="keyPointsFromAnswer"/>) are UTF-8 bytes
    /// at <paramref name="texts"/> in <paramref name="stored"/>'s array, as the parse cache holds them: they are copied
    /// into the card's packed form as they are, equal to the card made from their strings.
    /// </summary>
    internal static QuizCard FromStored(string id, string noteId, ArraySegment<byte> stored, ReadOnlySpan<TextRange> texts, bool keyPointsFromAnswer, int line)
    {
        var prefix = PrefixOf(id, noteId);
        if (CompactList.OfUtf8(Rest(id, prefix), stored.Array!, texts) is { IsNull: false } packed)
        {
            return new QuizCard(prefix, noteId, packed, keyPointsFromAnswer, line);
        }

        // Bytes that are not UTF-8 (a damaged cache): made strings, as a string read would make them.
        var strings = new string[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            strings[i] = System.Text.Encoding.UTF8.GetString(stored.Array!, texts[i].Start, texts[i].Length);
        }

        return keyPointsFromAnswer
            ? FromAnswer(id, noteId, strings[0], strings[1], line)
            : new QuizCard(id, noteId, strings[0], strings[1], strings[2..], line);
    }

    private QuizCard(string? idPrefix, string noteId, CompactList text, bool keyPointsFromAnswer, int line)
        : this("", noteId, "", "", null!, line)
    {
        _idPrefix = idPrefix;
        _text = text;
        _keyPointsFromAnswer = keyPointsFromAnswer;
    }

    /// <summary>The note id when the card id starts with it and a <c>/</c>, else null.</summary>
    private static string? PrefixOf(string? id, string? noteId) =>
        noteId is { Length: > 0 } && id is not null && id.Length > noteId.Length && id[noteId.Length] == '/'
            && id.StartsWith(noteId, StringComparison.Ordinal) ? noteId : null;

    private static string Rest(string id, string? prefix) => prefix is null ? id : id[(prefix.Length + 1)..];

    private static string[] Pack(string id, string question, string answer, IReadOnlyList<string>? keyPoints)
    {
        var texts = new string[KeyPointsAt + (keyPoints?.Count ?? 0)];
        texts[IdAt] = id;
        texts[QuestionAt] = question;
        texts[AnswerAt] = answer;
        for (var i = KeyPointsAt; i < texts.Length; i++)
        {
            texts[i] = keyPoints![i - KeyPointsAt];
        }

        return texts;
    }
}
