namespace LlmPrep.Core.Corpus;

/// <summary>
/// The last few note bodies each thread read again from their files, so the sections of one note (each cut from the
/// same body) read the file once, without every note keeping a handle of its own to its text.
/// </summary>
internal static class RecentBodies
{
    public const int Capacity = 16;

    [ThreadStatic]
    private static Recent? _recent;

    public static string? Find(NoteBody body)
    {
        if (_recent is not { } recent)
        {
            return null;
        }

        foreach (var (held, text) in recent.Slots)
        {
            if (ReferenceEquals(held, body))
            {
                return text;
            }
        }

        return null;
    }

    public static void Keep(NoteBody body, string text)
    {
        var recent = _recent ??= new Recent();
        for (var i = 0; i < recent.Slots.Length; i++)
        {
            if (ReferenceEquals(recent.Slots[i].Body, body))
            {
                recent.Slots[i] = (body, text);
                return;
            }
        }

        recent.Slots[recent.Next] = (body, text);
        recent.Next = (recent.Next + 1) % recent.Slots.Length;
    }

    private sealed class Recent
    {
        public (NoteBody? Body, string? Text)[] Slots { get; } = new (NoteBody?, string?)[Capacity];

        public int Next { get; set; }
    }
}
