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

        var words = parts.Select(p => Words.GetValueOrDefault(p, p)).ToList();
        if (words.Count > 0 && char.IsLower(words[0][0]))
        {
            words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        }

        return string.Join(' ', words);
    }
}
