namespace LlmPrep.Core.Corpus;

/// <summary>Readable names for section folders: <c>03-rag-and-embeddings</c> becomes "RAG and embeddings".</summary>
public static class SectionNames
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rag"] = "RAG",
        ["llm"] = "LLM",
        ["llms"] = "LLMs",
        ["genai"] = "GenAI",
        ["mcp"] = "MCP",
        ["ml"] = "ML",
        ["ai"] = "AI",
    };

    /// <summary>Words a folder name can only spell with a hyphen between them.</summary>
    private static readonly (string Spaced, string Hyphenated)[] Compounds =
    [
        ("fine tuning", "fine-tuning"), ("pre training", "pre-training"), ("post training", "post-training"), ("real time", "real-time"),
        ("multi agent", "multi-agent"), ("end to end", "end-to-end"),
    ];

    public static string Display(string section)
    {
        if (section.Length == 0)
        {
            return "Notes";
        }

        var parts = section.Split('-', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 1 && parts[0].All(char.IsDigit))
        {
            parts.RemoveAt(0);
        }

        var name = $" {string.Join(' ', parts.Select(p => Words.GetValueOrDefault(p, p)))} ";
        foreach (var (spaced, hyphenated) in Compounds)
        {
            name = name.Replace($" {spaced} ", $" {hyphenated} ", StringComparison.Ordinal);
        }

        name = name.Trim();
        return name.Length > 0 && char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name[1..] : name;
    }
}
