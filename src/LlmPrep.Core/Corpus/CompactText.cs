using System.Text;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// A text held as UTF-8 bytes (about half the memory of a string for the mostly ASCII text of notes) and made a
/// string again when read. Text that UTF-8 cannot hold exactly (a lone surrogate) stays a string.
/// </summary>
internal readonly struct CompactText : IEquatable<CompactText>
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly object? _value;

    private CompactText(object? value) => _value = value;

    public string Text => _value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => null!,
    };

    public static CompactText Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new CompactText(text);
        }

        try
        {
            return new CompactText(Strict.GetBytes(text));
        }
        catch (EncoderFallbackException)
        {
            return new CompactText(text);
        }
    }

    public bool Equals(CompactText other) => (_value, other._value) switch
    {
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (null, null) => true,
        _ => false,
    };

    public override bool Equals(object? obj) => obj is CompactText other && Equals(other);

    public override int GetHashCode() => _value switch
    {
        byte[] bytes => HashOf(bytes),
        string text => StringComparer.Ordinal.GetHashCode(text),
        _ => 0,
    };

    private static int HashOf(byte[] bytes)
    {
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
