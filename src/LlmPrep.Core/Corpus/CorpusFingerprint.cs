using System.Globalization;
using System.IO.Enumeration;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// One value for the whole listing of the corpus roots: how many notes there are and a sum of one hash a file over its
/// key, size and modification time. Any file added, removed, renamed, resized or written with a new time changes it.
/// Listed without keeping anything a file (no string, no object), on all cores, it tells a fresh process that nothing
/// changed since the index was last found in line with the files, without reading the index's rows.
/// </summary>
/// <param name="Files">How many notes the listing holds.</param>
/// <param name="Text">The fingerprint as the index keeps it.</param>
internal sealed record CorpusFingerprint(int Files, string Text)
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The fingerprint of the files under <paramref name="roots"/> as <see cref="CorpusScan"/> would list them.</summary>
    public static CorpusFingerprint Of(IEnumerable<CorpusRoot> roots)
    {
        var (files, sum) = (0, 0UL);
        foreach (var root in roots)
        {
            if (!Directory.Exists(root.Directory))
            {
                continue;
            }

            var rootPath = CorpusListing.FullPath(root);
            var prefix = Append(Offset, root.Name + ":");
            var parts = CorpusListing.InParts(
                rootPath,
                (folder, recurse) =>
                {
                    var (count, total) = (0, 0UL);
                    using var stamps = LinuxStamps.IsAvailable ? new LinuxStamps() : null;
                    var listing = stamps is null
                        ? CorpusListing.Files(rootPath, folder, recurse, (ref FileSystemEntry entry) => (ulong?)Hash(prefix, rootPath, ref entry, entry.Length, entry.LastWriteTimeUtc.UtcTicks))
                        : CorpusListing.FilesUnstated(rootPath, folder, recurse, (ref FileSystemEntry entry) =>
                            stamps.Of(entry.Directory, entry.FileName) switch
                            {
                                { Link: true } => (ulong?)null,
                                { } stamp => Hash(prefix, rootPath, ref entry, stamp.Size, stamp.Ticks),
                                null => Hash(prefix, rootPath, ref entry, entry.Length, entry.LastWriteTimeUtc.UtcTicks),
                            });
                    foreach (var hash in listing)
                    {
                        if (hash is { } value)
                        {
                            count++;
                            total += value;
                        }
                    }

                    return (Count: count, Sum: total);
                },
                (Count: 0, Sum: 0UL));
            foreach (var part in parts)
            {
                files += part.Count;
                sum += part.Sum;
            }
        }

        return Create(files, sum);
    }

    /// <summary>The fingerprint of a scan's files: the same value <see cref="Of(IEnumerable{CorpusRoot})"/> gives for the same listing.</summary>
    public static CorpusFingerprint Of(CorpusScan scan)
    {
        var sum = 0UL;
        foreach (var file in scan.Files)
        {
            sum += Finish(Append(Offset, file.Key), file.Size, file.ModifiedTicks);
        }

        return Create(scan.Files.Count, sum);
    }

    private static ulong Hash(ulong prefix, string rootPath, ref FileSystemEntry entry, long size, long ticks)
    {
        var under = CorpusListing.Folder(rootPath, entry.Directory);
        var key = under.IsEmpty ? prefix : Append(Append(prefix, under), "/");
        return Finish(Append(key, entry.FileName), size, ticks);
    }

    private static CorpusFingerprint Create(int files, ulong sum) =>
        new(files, string.Create(CultureInfo.InvariantCulture, $"{files}:{sum:x16}"));

    /// <summary>FNV-1a over the characters of a key, read with forward slashes whatever the platform's separator.</summary>
    private static ulong Append(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (c == Path.DirectorySeparatorChar ? '/' : c)) * Prime;
        }

        return hash;
    }

    /// <summary>Mixes the size and time into the key's hash so that the sum of many files' hashes keeps every bit.</summary>
    private static ulong Finish(ulong hash, long size, long ticks) => Mix(Mix(hash ^ (ulong)size) ^ (ulong)ticks);

    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9;
        value = (value ^ (value >> 27)) * 0x94d049bb133111eb;
        return value ^ (value >> 31);
    }
}
