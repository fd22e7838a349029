using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Progress;

/// <summary>
/// The person's card memories, asked for by card. A card's id is its note's id, a slash and the rest, and a card holds
/// only the rest, so making the id of each card of a large vault (hundreds of thousands, at every <c>quiz_next</c>)
/// would make a string each. Instead the ids that have a memory (a few thousand at most) are sorted once, and a card
/// whose note none of them starts with has none, found by a binary search for its note. One lookup serves one call on
/// one thread.
/// </summary>
public sealed class CardMemories
{
    private readonly IReadOnlyDictionary<string, CardMemory> _byCard;

    /// <summary>The card ids that have a memory, in ordinal order.</summary>
    private readonly string[] _ids;

    /// <summary>The note asked about last and whether some memory's id starts with it: a note's cards are asked in a row.</summary>
    private (string? Note, bool Any) _last;

    public CardMemories(IReadOnlyDictionary<string, CardMemory> byCard)
    {
        _byCard = byCard;
        _ids = [.. byCard.Keys];
        Array.Sort(_ids, StringComparer.Ordinal);
    }

    public int Count => _byCard.Count;

    /// <summary>The card's memory, or null for a card never studied.</summary>
    public CardMemory? Of(QuizCard card)
    {
        if (card.IdStartsWithNoteId && !AnyOfNote(card.NoteId))
        {
            return null;
        }

        return _byCard.GetValueOrDefault(card.Id);
    }

    /// <summary>True when some memory's card id starts with <paramref name="noteId"/> and a slash.</summary>
    private bool AnyOfNote(string noteId)
    {
        if (!ReferenceEquals(_last.Note, noteId))
        {
            _last = (noteId, FirstFrom(noteId) is var i && i < _ids.Length && IsOfNote(_ids[i], noteId));
        }

        return _last.Any;
    }

    /// <summary>The first id not below <paramref name="noteId"/> followed by a slash.</summary>
    private int FirstFrom(string noteId)
    {
        int low = 0, high = _ids.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (CompareToNote(_ids[middle], noteId) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Orders <paramref name="id"/> against the text <paramref name="noteId"/> + "/" without making it.</summary>
    private static int CompareToNote(string id, string noteId)
    {
        var compared = string.CompareOrdinal(id, 0, noteId, 0, noteId.Length);
        if (compared != 0)
        {
            return compared;
        }

        return id.Length <= noteId.Length ? -1 : id[noteId.Length].CompareTo('/');
    }

    private static bool IsOfNote(string id, string noteId) =>
        id.Length > noteId.Length && id[noteId.Length] == '/' && id.StartsWith(noteId, StringComparison.Ordinal);
}
