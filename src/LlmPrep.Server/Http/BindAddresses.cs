using System.Net;

namespace LlmPrep.Server.Http;

/// <summary>Reads the <c>--urls</c> list and tells loopback addresses (this machine only) from any that other machines can reach.</summary>
public static class BindAddresses
{
    /// <summary>The URLs in a <c>;</c>-separated list that listen beyond loopback (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>, a LAN address or host name).</summary>
    public static IReadOnlyList<string> NonLoopback(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(url => !IsLoopback(url)).ToList();

    public static bool IsLoopback(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? url : url[(start + 3)..];
        var end = rest.StartsWith('[') ? rest.IndexOf(']') + 1 : rest.IndexOfAny([':', '/']);
        var host = end <= 0 ? rest : rest[..end];
        host = host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
