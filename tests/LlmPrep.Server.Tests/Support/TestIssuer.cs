using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LlmPrep.Server.Tests.Support;

/// <summary>
/// An OAuth issuer for tests: an RSA key made here, its JWKS and discovery document served on 127.0.0.1, and access
/// tokens signed with it (or, to test refusals, with a key it never published).
/// </summary>
public sealed class TestIssuer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public TestIssuer()
    {
        var port = ServerProcess.FreePort();
        Issuer = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Issuer + "/");
        _listener.Start();
        _key = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
        _serving = Task.Run(ServeAsync);
    }

    public string Issuer { get; }

    public string JwksUrl => Issuer + "/jwks";

    /// <summary>How many times the JWKS was fetched.</summary>
    public int JwksRequests { get; private set; }

    public string Token(string subject, string audience, TimeSpan? lifetime = null, string? issuer = null, string? scope = null, bool foreignKey = false)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (scope is not null)
        {
            claims["scope"] = scope;
        }

        using var other = RSA.Create(2048);
        var key = foreignKey ? new RsaSecurityKey(other) { KeyId = _key.KeyId } : _key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            string? body = path switch
            {
                "/jwks" => Jwks(),
                "/.well-known/openid-configuration" => $$"""{"issuer":"{{Issuer}}","jwks_uri":"{{JwksUrl}}","token_endpoint":"{{Issuer}}/token","authorization_endpoint":"{{Issuer}}/authorize"}""",
                _ => null,
            };
            if (path == "/jwks")
            {
                JwksRequests++;
            }

            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private string Jwks()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{_key.KeyId}}","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}""";
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _rsa.Dispose();
        _stop.Dispose();
    }
}
