using System.Collections.Concurrent;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Headings that many notes repeat ("Summary", "Pitfalls"), held once for the whole process and named in a
/// <see cref="SectionTable"/>'s bytes by their number. A heading is added the second time it is offered: a small table
/// of the hash codes of headings offered lately tells (a heading offered once stays with its note, and a hash code
/// that comes back by chance only shares a heading that did not need it), so the list stays about as small as the
/// corpora's distinct repeated headings. Safe to use from several threads: a heading's number is handed out only once
/// it can be read.
/// </summary>
internal static class SharedHeadings
{
    private static readonly ConcurrentDictionary<string, int> Numbers = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static string[] _headings = new string[64];
    private static readonly int[] Offered = new int[1 << 16];
    private static int _count;

    /// <summary>The heading's number when it is shared, or becomes shared now since it was offered before.</summary>
    public static bool TryShare(string heading, out int number)
    {
        if (Numbers.TryGetValue(heading, out number))
        {
            return true;
        }

        var hash = StringComparer.Ordinal.GetHashCode(heading) | 1;
        ref var slot = ref Offered[hash & (Offered.Length - 1)];
        if (Volatile.Read(ref slot) != hash)
        {
            Volatile.Write(ref slot, hash);
            return false;
        }

        number = Add(heading);
        return true;
    }

    public static bool TryFind(string heading, out int number) => Numbers.TryGetValue(heading, out number);

    private static int Add(string heading)
    {
        lock (Gate)
        {
            if (Numbers.TryGetValue(heading, out var number))
            {
                return number;
            }

            var headings = _headings;
            if (_count == headings.Length)
            {
                Array.Resize(ref headings, headings.Length * 2);
                Volatile.Write(ref _headings, headings);
            }

            headings[_count] = heading;
            Numbers[heading] = _count;
            return _count++;
        }
    }

    public static string Get(int number) => Volatile.Read(ref _headings)[number];
}
