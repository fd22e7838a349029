using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LlmPrep.Core.Access;

/// <summary>
/// The bearer tokens that may use an HTTP server, one per line in a text file: id, user id, creation time and the
/// token's SHA-256 hash; the token itself is shown once when made and never stored. Checks compare hashes in constant time.
/// </summary>
public sealed partial class AccessTokenFile(string path)
{
    public const string FileName = "tokens";

    private const string Prefix = "llmp_";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Every stored token; none when the file does not exist.</summary>
    /// <exception cref="AccessTokenException">The file cannot be read or has a malformed line.</exception>
    public IReadOnlyList<AccessToken> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AccessTokenException($"the tokens file '{Path}' cannot be read ({ex.Message.TrimEnd('.')})");
        }

        var tokens = new List<AccessToken>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 4 || !HashPattern().IsMatch(parts[3]) || !DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var created))
            {
                throw new AccessTokenException($"the tokens file '{Path}' line {i + 1} is not 'id<TAB>user<TAB>created<TAB>sha256'; fix or delete that line");
            }

            tokens.Add(new AccessToken(parts[0], parts[1], created, parts[3]));
        }

        return tokens;
    }

    /// <summary>Makes a token for <paramref name="userId"/>, stores its hash, and returns the token (shown once) with its record.</summary>
    public (string Token, AccessToken Record) Add(string userId, DateTimeOffset now)
    {
        if (!IsValidUserId(userId))
        {
            throw new AccessTokenException($"user id '{userId}' is not valid: use 1 to 64 letters, digits, '.', '_', '-' or '@'");
        }

        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new AccessToken(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), userId, now, Hash(token));
        Save([.. Load(), record]);
        return (token, record);
    }

    /// <summary>Removes the token with this id, or every token of this user id; returns what was removed.</summary>
    public IReadOnlyList<AccessToken> Revoke(string idOrUser)
    {
        var tokens = Load();
        var removed = tokens.Where(t => t.Id == idOrUser || t.UserId == idOrUser).ToList();
        if (removed.Count > 0)
        {
            Save(tokens.Except(removed).ToList());
        }

        return removed;
    }

    /// <summary>The user a presented token belongs to, or null. Every stored hash is compared, in constant time.</summary>
    public static string? Authenticate(IReadOnlyList<AccessToken> tokens, string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? user = null;
        foreach (var token in tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(token.Hash)))
            {
                user ??= token.UserId;
            }
        }

        return user;
    }

    public static bool IsValidUserId(string userId) => UserIdPattern().IsMatch(userId);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private void Save(IReadOnlyList<AccessToken> tokens)
    {
        var text = new StringBuilder("# LlmPrep access tokens: SHA-256 hashes only. Manage with 'llmprep token add|list|revoke'.\n");
        foreach (var token in tokens)
        {
            text.Append(CultureInfo.InvariantCulture, $"{token.Id}\t{token.UserId}\t{token.Created:O}\t{token.Hash}\n");
        }

        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var temp = Path + ".tmp";
            File.WriteAllText(temp, text.ToString());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temp, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AccessTokenException($"the tokens file '{Path}' cannot be written ({ex.Message.TrimEnd('.')})");
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserIdPattern();
}
