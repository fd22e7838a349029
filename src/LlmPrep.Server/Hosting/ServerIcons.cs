using System.Text;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Small line drawings (24×24 SVG, embedded as <c>data:</c> URIs so no request leaves the client) that clients
/// show beside the server, each tool, prompt and resource.
/// </summary>
public static class ServerIcons
{
    private const string Open = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="#4f46e5" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">""";

    // The server: an open book with a tick.
    private const string Book = """<path d="M2 5c3-1.5 6-1.5 10 1v14c-4-2.5-7-2.5-10-1z"/><path d="M22 5c-3-1.5-6-1.5-10 1v14c4-2.5 7-2.5 10-1z"/><path d="M15 11l1.5 1.5L20 9"/>""";
    private const string Magnifier = """<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5L21 21"/>""";
    private const string Page = """<path d="M6 2h8l5 5v15H6z"/><path d="M14 2v5h5"/><path d="M9 12h7M9 16h7"/>""";
    private const string Outline = """<path d="M4 5h2M9 5h11M6 12h2M11 12h9M6 19h2M11 19h9"/>""";
    private const string Question = """<rect x="3" y="3" width="18" height="18" rx="3"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6"/><path d="M12 17h.01"/>""";
    private const string Tick = """<circle cx="12" cy="12" r="9"/><path d="M8 12.5l3 3 5-6"/>""";
    private const string Star = """<path d="M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z"/>""";
    private const string Eye = """<path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>""";
    private const string Bars = """<path d="M4 20h16"/><path d="M7 16v-4M12 16V7M17 16v-7"/>""";
    private const string Dialogue = """<path d="M3 5h12v8H8l-3 3v-3H3z"/><path d="M15 9h6v8h-2v3l-3-3h-5v-4"/>""";
    private const string Bulb = """<path d="M9 18h6M10 21h4"/><path d="M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z"/>""";
    private const string Boxes = """<rect x="3" y="3" width="7" height="6" rx="1"/><rect x="14" y="15" width="7" height="6" rx="1"/><rect x="14" y="3" width="7" height="6" rx="1"/><path d="M6.5 9v4.5a1.5 1.5 0 0 0 1.5 1.5h6M10 6h4"/>""";
    private const string Person = """<circle cx="12" cy="7" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>""";
    private const string Rocket = """<path d="M12 2c3 2.5 4.5 6 4.5 10l-2 4h-5l-2-4C7.5 8 9 4.5 12 2z"/><circle cx="12" cy="9.5" r="1.5"/><path d="M9.5 16L7 21M14.5 16L17 21M12 17v4"/>""";
    private const string Layers = """<path d="M12 3l9 5-9 5-9-5z"/><path d="M3 13l9 5 9-5"/>""";
    private const string Calendar = """<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/><path d="M8 14h2M14 14h2M8 17h2"/>""";
    private const string Retry = """<path d="M4 12a8 8 0 1 0 2.3-5.7"/><path d="M4 3v4h4"/><path d="M12 8v4l3 2"/>""";
    private const string Glossary = """<path d="M5 3h12a2 2 0 0 1 2 2v16H7a2 2 0 0 1-2-2z"/><path d="M5 19a2 2 0 0 1 2-2h12"/><path d="M9.5 13l2.5-6 2.5 6M10.3 11h3.4"/>""";
    private const string Spark = """<path d="M12 3v4M12 17v4M3 12h4M17 12h4M6 6l2.5 2.5M15.5 15.5L18 18M18 6l-2.5 2.5M8.5 15.5L6 18"/>""";

    private static readonly Dictionary<string, IList<Icon>> ByName = new(StringComparer.Ordinal)
    {
        ["server"] = Make(Book),
        ["search_notes"] = Make(Magnifier),
        ["read_note"] = Make(Page),
        ["list_topics"] = Make(Outline),
        ["quiz_next"] = Make(Question),
        ["quiz_answer"] = Make(Tick),
        ["quiz_rate"] = Make(Star),
        ["quiz_reveal"] = Make(Eye),
        ["progress_report"] = Make(Bars),
        ["mock_interview"] = Make(Dialogue),
        ["explain_concept"] = Make(Bulb),
        ["system_design"] = Make(Boxes),
        ["behavioral_story"] = Make(Person),
        ["elevator_pitch"] = Make(Rocket),
        ["project_deep_dive"] = Make(Layers),
        ["study_plan"] = Make(Calendar),
        ["quiz_me"] = Make(Question),
        ["review_mistakes"] = Make(Retry),
        ["llmprep://notes/"] = Make(Page),
        ["llmprep://outline"] = Make(Outline),
        ["llmprep://study-plan"] = Make(Calendar),
        ["llmprep://glossary"] = Make(Glossary),
        ["llmprep://progress"] = Make(Bars),
    };

    private static readonly IList<Icon> Fallback = Make(Spark);

    /// <summary>The server's own icon (in server info).</summary>
    public static IList<Icon> Server => ByName["server"];

    /// <summary>The icon of a tool or prompt by name; a generic one for names this table does not know.</summary>
    public static IList<Icon> For(string name) => ByName.TryGetValue(name, out var icons) ? icons : Fallback;

    /// <summary>The icon of a resource or resource template by URI (every note shares the page).</summary>
    public static IList<Icon> ForResource(string uri) =>
        uri.StartsWith("llmprep://notes/", StringComparison.OrdinalIgnoreCase) ? ByName["llmprep://notes/"]
        : ByName.TryGetValue(uri, out var icons) ? icons
        : Fallback;

    private static List<Icon> Make(string drawing) =>
    [
        new Icon
        {
            Source = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Open + drawing + "</svg>")),
            MimeType = "image/svg+xml",
            Sizes = ["any"],
        },
    ];
}
