using System.Text;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// A short list of texts (a card's key points) held as one UTF-8 array, each text after its length, instead of a list
/// and a string each; read back as a new array of strings. A list UTF-8 cannot hold exactly (a lone surrogate, a null)
/// stays as it was given. Two lists are equal when they hold the same texts in the same order.
/// </summary>
internal readonly struct CompactList : IEquatable<CompactList>
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The packed texts, the list as given, or null for no list.</summary>
    private readonly object? _value;

    private CompactList(object? value) => _value = value;

    public bool IsNull => _value is null;

    public IReadOnlyList<string>? List => _value switch
    {
        byte[] bytes => Unpack(bytes),
        IReadOnlyList<string> list => list,
        _ => null,
    };

    /// <summary>The text at this place in the list (null for no list).</summary>
    public string? At(int index) => _value switch
    {
        byte[] bytes => Unpack(bytes, index, 1)[0],
        IReadOnlyList<string> list => list[index],
        _ => null,
    };

    /// <summary>The texts from this place in the list to its end (null for no list).</summary>
    public IReadOnlyList<string>? From(int index) => _value switch
    {
        byte[] bytes => Unpack(bytes, index, int.MaxValue),
        IReadOnlyList<string> list => index == 0 ? list : [.. list.Skip(index)],
        _ => null,
    };

    /// <summary>Adds up to <paramref name="most"/> texts from place <paramref name="first"/> on to <paramref name="into"/>,
    /// without making strings of them (nothing for no list).</summary>
    public void ReadInto(int first, int most, TextBuffer into)
    {
        if (_value is IReadOnlyList<string> list)
        {
            for (var i = first; i < list.Count && i - first < most; i++)
            {
                into.Add(list[i]);
            }

            return;
        }

        if (_value is byte[] bytes)
        {
            foreach (var text in new PackedTexts(bytes, first, most))
            {
                into.AddUtf8(text);
            }
        }
    }

    public static CompactList Of(IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return default;
        }

        try
        {
            var lengths = new int[values.Count];
            var size = 5;
            for (var i = 0; i < values.Count; i++)
            {
                lengths[i] = Strict.GetByteCount(values[i]);
                size += 5 + lengths[i];
            }

            var buffer = new byte[size];
            var at = Write7Bit(buffer, 0, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                at = Write7Bit(buffer, at, lengths[i]);
                at += Strict.GetBytes(values[i], buffer.AsSpan(at));
            }

            return new CompactList(buffer.AsSpan(0, at).ToArray());
        }
        catch (Exception ex) when (ex is EncoderFallbackException or ArgumentNullException)
        {
            return new CompactList(values);
        }
    }

    /// <summary>
    /// The list of <paramref name="first"/> followed by the UTF-8 texts at <paramref name="pieces"/> in
    /// <paramref name="source"/>, packed as <see cref="Of"/> packs their strings; null (<see cref="IsNull"/>) when a
    /// piece is not valid UTF-8 or <paramref name="first"/> cannot be encoded.
    /// </summary>
    public static CompactList OfUtf8(string first, byte[] source, ReadOnlySpan<TextRange> pieces)
    {
        int firstLength;
        try
        {
            firstLength = Strict.GetByteCount(first);
        }
        catch (EncoderFallbackException)
        {
            return default;
        }

        var size = SizeOf7Bit(pieces.Length + 1) + SizeOf7Bit(firstLength) + firstLength;
        foreach (var piece in pieces)
        {
            if (!System.Text.Unicode.Utf8.IsValid(source.AsSpan(piece.Start, piece.Length)))
            {
                return default;
            }

            size += SizeOf7Bit(piece.Length) + piece.Length;
        }

        var buffer = new byte[size];
        var at = Write7Bit(buffer, 0, pieces.Length + 1);
        at = Write7Bit(buffer, at, firstLength);
        at += Strict.GetBytes(first, buffer.AsSpan(at));
        foreach (var piece in pieces)
        {
            at = Write7Bit(buffer, at, piece.Length);
            source.AsSpan(piece.Start, piece.Length).CopyTo(buffer.AsSpan(at));
            at += piece.Length;
        }

        return new CompactList(buffer);
    }

    private static int SizeOf7Bit(int value)
    {
        var size = 1;
        for (var rest = (uint)value; rest >= 0x80; rest >>= 7)
        {
            size++;
        }

        return size;
    }

    public bool Equals(CompactList other) => (_value, other._value) switch
    {
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        (null, null) => true,
        (null, _) or (_, null) => false,
        _ => List!.SequenceEqual(other.List!, StringComparer.Ordinal),
    };

    public override bool Equals(object? obj) => obj is CompactList other && Equals(other);

    public override int GetHashCode()
    {
        if (_value is null)
        {
            return 0;
        }

        var hash = default(HashCode);
        foreach (var text in List!)
        {
            hash.Add(text, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private static string[] Unpack(byte[] bytes) => Unpack(bytes, 0, int.MaxValue);

    /// <summary>Up to <paramref name="most"/> texts from place <paramref name="first"/> on (the ones before it are skipped, not read).</summary>
    private static string[] Unpack(byte[] bytes, int first, int most)
    {
        var packed = new PackedTexts(bytes, first, most);
        var texts = new string[packed.Count];
        var i = 0;
        foreach (var text in packed)
        {
            texts[i++] = Encoding.UTF8.GetString(text);
        }

        return texts;
    }

    /// <summary>The packed texts from place <c>first</c> on, up to <c>most</c> of them, each as its UTF-8 bytes (the
    /// ones before it are skipped, not read).</summary>
    private ref struct PackedTexts
    {
        private readonly byte[] _bytes;
        private readonly int _end;
        private int _at;
        private int _index;

        public PackedTexts(byte[] bytes, int first, int most)
        {
            _bytes = bytes;
            _at = Read7Bit(bytes, 0, out var count);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(first, count);
            Count = Math.Min(most, count - first);
            _end = first + Count;
            for (; _index < first; _index++)
            {
                _at = Read7Bit(bytes, _at, out var skipped) + skipped;
            }
        }

        /// <summary>How many texts it gives.</summary>
        public int Count { get; }

        public ReadOnlySpan<byte> Current { get; private set; }

        public readonly PackedTexts GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_index == _end)
            {
                return false;
            }

            _at = Read7Bit(_bytes, _at, out var length);
            Current = _bytes.AsSpan(_at, length);
            _at += length;
            _index++;
            return true;
        }
    }

    private static int Write7Bit(byte[] buffer, int at, int value)
    {
        var rest = (uint)value;
        while (rest >= 0x80)
        {
            buffer[at++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        buffer[at++] = (byte)rest;
        return at;
    }

    private static int Read7Bit(byte[] buffer, int at, out int value)
    {
        var result = 0;
        var shift = 0;
        byte b;
        do
        {
            b = buffer[at++];
            result |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        value = result;
        return at;
    }
}
