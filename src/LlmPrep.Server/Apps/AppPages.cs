using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace LlmPrep.Server.Apps;

/// <summary>
/// Builds each app's single self-contained HTML file from the page and the shared script and style embedded in
/// the binary, and pins its one inline script with a hash in a strict Content-Security-Policy: no network, no
/// other script, no frames.
/// </summary>
internal static class AppPages
{
    public const string SharedScript = "shared.js";
    public const string SharedStyle = "shared.css";

    private const string ScriptOpen = "<script>";
    private const string ScriptClose = "</script>";

    private static readonly ConcurrentDictionary<string, string> Built = new(StringComparer.Ordinal);

    /// <summary>The Content-Security-Policy of a page whose inline script hashes to <paramref name="scriptHash"/>.</summary>
    public static string Policy(string scriptHash) =>
        $"default-src 'none'; script-src '{scriptHash}'; style-src 'unsafe-inline'; img-src data:; font-src data:; " +
        "connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

    public static string Html(McpApp app) => Built.GetOrAdd(app.Page, Build);

    private static string Build(string page)
    {
        var html = Read(page)
            .Replace("/*@shared.css*/", Read(SharedStyle), StringComparison.Ordinal)
            .Replace("/*@shared.js*/", Read(SharedScript), StringComparison.Ordinal);
        var start = html.IndexOf(ScriptOpen, StringComparison.Ordinal);
        var end = html.IndexOf(ScriptClose, start + ScriptOpen.Length, StringComparison.Ordinal);
        if (start < 0 || end < 0 || html.IndexOf(ScriptOpen, end, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"the app page {page} must have exactly one inline <script>");
        }

        var script = html[(start + ScriptOpen.Length)..end];
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        return html.Replace("{{csp}}", Policy(hash), StringComparison.Ordinal);
    }

    private static string Read(string file)
    {
        using var stream = typeof(AppPages).Assembly.GetManifestResourceStream("llmprep.apps." + file)
            ?? throw new InvalidOperationException($"the app file {file} is not embedded in the server");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
