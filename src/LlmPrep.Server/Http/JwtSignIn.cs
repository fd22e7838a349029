using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LlmPrep.Server.Http;

/// <summary>
/// Registers JWT access-token validation for <see cref="OAuthSettings"/>: issuer, audience, signature (keys from the
/// issuer's JWKS, fetched again when a token names an unknown key) and expiry, all required. Keys are fetched over HTTPS,
/// or plain HTTP from this machine only.
/// </summary>
public static class JwtSignIn
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public static void Add(IServiceCollection services, OAuthSettings oauth)
    {
        services.AddAuthentication(Scheme).AddJwtBearer(Scheme, options =>
        {
            var keysAddress = oauth.JwksUrl ?? oauth.MetadataUrl ?? oauth.Issuer!.TrimEnd('/') + "/.well-known/openid-configuration";
            var documents = new HttpDocumentRetriever { RequireHttps = !IsLoopbackHttp(keysAddress) };
            options.ConfigurationManager = oauth.JwksUrl is null
                ? new ConfigurationManager<OpenIdConnectConfiguration>(keysAddress, new OpenIdConnectConfigurationRetriever(), documents)
                : new ConfigurationManager<OpenIdConnectConfiguration>(keysAddress, new JwksRetriever(), documents);
            options.MapInboundClaims = false;
            options.RequireHttpsMetadata = documents.RequireHttps;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = oauth.Issuer,
                ValidAudience = oauth.ExpectedAudience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                NameClaimType = "sub",
            };
        });
    }

    /// <summary>Why a token was refused, in words for the client (no token contents).</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "the access token has expired",
        SecurityTokenNotYetValidException => "the access token is not valid yet",
        SecurityTokenInvalidAudienceException => "the access token was issued for another audience",
        SecurityTokenInvalidIssuerException => "the access token comes from an issuer this server does not trust",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the access token's signature does not verify with the issuer's keys",
        SecurityTokenNoExpirationException => "the access token has no expiry",
        SecurityTokenMalformedException or ArgumentException => "the bearer token is not a known token or a well-formed JWT",
        null => "the bearer token is not valid",
        _ when failure.Message.StartsWith("IDX20803", StringComparison.Ordinal) => "the issuer's signing keys cannot be fetched right now",
        _ => "the access token is not valid",
    };

    private static bool IsLoopbackHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && BindAddresses.IsLoopback(url);
}
