using LlmPrep.Core.Access;

namespace LlmPrep.Core.Tests.Access;

public sealed class AccessTokenFileTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("llmprep-tokens-").FullName;

    private AccessTokenFile File() => new(Path.Combine(_dir, "tokens"));

    [Fact]
    public void A_token_authenticates_its_user_and_only_its_hash_is_stored()
    {
        var (token, record) = File().Add("alice", T0);

        Assert.StartsWith("llmp_", token, StringComparison.Ordinal);
        Assert.Equal("alice", AccessTokenFile.Authenticate(File().Load(), token));
        var text = System.IO.File.ReadAllText(File().Path);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token["llmp_".Length..], text, StringComparison.Ordinal);
        Assert.Contains(record.Hash, text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(File().Path));
        }
    }

    [Fact]
    public void Wrong_and_revoked_tokens_authenticate_nobody()
    {
        var (alice, aliceRecord) = File().Add("alice", T0);
        var (bob, _) = File().Add("bob", T0);

        Assert.Null(AccessTokenFile.Authenticate(File().Load(), alice + "x"));
        Assert.Null(AccessTokenFile.Authenticate(File().Load(), ""));
        Assert.Single(File().Revoke(aliceRecord.Id));
        Assert.Null(AccessTokenFile.Authenticate(File().Load(), alice));
        Assert.Equal("bob", AccessTokenFile.Authenticate(File().Load(), bob));
        Assert.Single(File().Revoke("bob"));
        Assert.Empty(File().Load());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tuser")]
    [InlineData("../etc")]
    public void A_bad_user_id_is_refused_and_nothing_is_written(string userId)
    {
        var error = Assert.Throws<AccessTokenException>(() => File().Add(userId, T0));

        Assert.Contains("user id", error.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(File().Path));
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_number()
    {
        System.IO.File.WriteAllText(File().Path, "# comment\nnot a token line\n");

        var error = Assert.Throws<AccessTokenException>(() => File().Load());

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
