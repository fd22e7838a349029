using System.Buffers.Binary;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// A file's content hash as <see cref="FileHash"/> writes it (32 upper-case hex digits) held as its 16 bytes, and
/// written out again when read; any other text (as a test may give) is held as it is.
/// </summary>
internal readonly struct HashText : IEquatable<HashText>
{
    private static readonly object Null = new();

    private readonly ulong _high;
    private readonly ulong _low;

    /// <summary>The text when it is not 32 upper-case hex digits (<see cref="Null"/> for null), else null.</summary>
    private readonly object? _other;

    private HashText(ulong high, ulong low, object? other)
    {
        _high = high;
        _low = low;
        _other = other;
    }

    public string Text => _other switch
    {
        null => Format(_high, _low),
        string text => text,
        _ => null!,
    };

    public static HashText Of(string? text)
    {
        if (text is null)
        {
            return new HashText(0, 0, Null);
        }

        if (text.Length == 32 && IsUpperHex(text))
        {
            Span<byte> bytes = stackalloc byte[16];
            Convert.FromHexString(text, bytes, out _, out _);
            return new HashText(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), null);
        }

        return new HashText(0, 0, text);
    }

    public bool Equals(HashText other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is HashText other && Equals(other);

    public override int GetHashCode() => _other is null ? HashCode.Combine(_high, _low) : StringComparer.Ordinal.GetHashCode(Text ?? "");

    private static bool IsUpperHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'A' and <= 'F'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Format(ulong high, ulong low)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        return Convert.ToHexString(bytes);
    }
}
