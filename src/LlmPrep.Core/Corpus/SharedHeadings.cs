using System.Collections.Concurrent;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Headings that many notes repeat ("Summary", "Pitfalls"), held once for the whole process and named in a
/// <see cref="SectionTable"/>'s bytes by their number. Only headings seen more than once while a corpus is read from
/// the parse cache are added, so the list stays as small as the corpora's distinct repeated headings. Safe to use from
/// several threads: a heading's number is handed out only once it can be read.
/// </summary>
internal static class SharedHeadings
{
    private static readonly ConcurrentDictionary<string, int> Numbers = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static string[] _headings = new string[64];
    private static int _count;

    public static bool TryFind(string heading, out int number) => Numbers.TryGetValue(heading, out number);

    public static int Add(string heading)
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
