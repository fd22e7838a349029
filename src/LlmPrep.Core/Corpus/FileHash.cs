using System.Security.Cryptography;

namespace LlmPrep.Core.Corpus;

/// <summary>The content hash the index keeps per file: the first 16 bytes of SHA-256, hex.</summary>
internal static class FileHash
{
    public static string Of(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes), 0, 16);
}
