using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// The number and text codes of a <see cref="SectionTable"/>'s bytes: numbers as 7-bit groups (signed ones zigzagged so
/// small negative steps stay short), and a text as its UTF-8 bytes after a length, or as its UTF-16 code units when
/// UTF-8 cannot hold it exactly (a lone surrogate). The low bit of the length says which.
/// </summary>
internal static class SectionBytes
{
    public static void WriteUnsigned(ref byte[] buffer, ref int length, ulong value)
    {
        Reserve(ref buffer, length, 10);
        while (value >= 0x80)
        {
            buffer[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[length++] = (byte)value;
    }

    public static void WriteSigned(ref byte[] buffer, ref int length, long value) =>
        WriteUnsigned(ref buffer, ref length, (ulong)((value << 1) ^ (value >> 63)));

    public static void WriteText(ref byte[] buffer, ref int length, string text)
    {
        // The UTF-8 bytes are written after room for the longest length, then moved to just after the length.
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        Reserve(ref buffer, length, most + 10);
        if (Utf8.FromUtf16(text, buffer.AsSpan(length + 10, most), out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done)
        {
            var from = length + 10;
            WriteUnsigned(ref buffer, ref length, (ulong)written << 1);
            buffer.AsSpan(from, written).CopyTo(buffer.AsSpan(length));
            length += written;
            return;
        }

        var units = MemoryMarshal.AsBytes(text.AsSpan());
        WriteUnsigned(ref buffer, ref length, ((ulong)units.Length << 1) | 1);
        Reserve(ref buffer, length, units.Length);
        units.CopyTo(buffer.AsSpan(length));
        length += units.Length;
    }

    public static ulong ReadUnsigned(byte[] data, ref int at)
    {
        ulong value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);

        return value;
    }

    public static long ReadSigned(byte[] data, ref int at)
    {
        var value = ReadUnsigned(data, ref at);
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    /// <summary>Skips a text written by <see cref="WriteText"/>, giving where its bytes lie and whether they are UTF-16.</summary>
    public static (int At, int Length, bool Utf16) SkipText(byte[] data, ref int at)
    {
        var header = ReadUnsigned(data, ref at);
        var start = at;
        var length = (int)(header >> 1);
        at += length;
        return (start, length, (header & 1) != 0);
    }

    public static string TextOf(ReadOnlySpan<byte> bytes, bool utf16) =>
        utf16 ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : Encoding.UTF8.GetString(bytes);

    /// <summary>Whether the text held in <paramref name="bytes"/> equals <paramref name="text"/>, ignoring case as <see cref="StringComparison.OrdinalIgnoreCase"/> does.</summary>
    public static bool EqualsIgnoringCase(ReadOnlySpan<byte> bytes, bool utf16, string text)
    {
        if (utf16)
        {
            return MemoryExtensions.Equals(MemoryMarshal.Cast<byte, char>(bytes), text, StringComparison.OrdinalIgnoreCase);
        }

        if (bytes.Length < text.Length || bytes.Length > text.Length * 3)
        {
            return false;
        }

        var chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        var count = Encoding.UTF8.GetChars(bytes, chars);
        return MemoryExtensions.Equals(chars[..count], text, StringComparison.OrdinalIgnoreCase);
    }

    private static void Reserve(ref byte[] buffer, int length, int more)
    {
        if (length + more > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
        }
    }
}
