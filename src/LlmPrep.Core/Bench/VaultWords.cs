namespace LlmPrep.Core.Bench;

/// <summary>The fixed words of generated notes around what <see cref="VaultLexicon"/> gives: openers, headings, tags.</summary>
internal static class VaultWords
{
    public static readonly string[] Verbs =
    [
        "improves", "reduces", "limits", "explains", "controls", "bounds", "shapes", "replaces", "complements", "feeds",
        "scores", "ranks", "filters", "caches", "streams", "splits", "merges", "measures", "tracks", "hides", "exposes",
        "depends on", "trades off against", "is tuned with", "is measured by", "is cheaper than", "fails without",
    ];

    public static readonly string[] Openers =
    [
        "In short,", "In an interview,", "As a rule,", "For example,", "In practice,", "Note that", "Remember that", "Crucially,",
        "A common mistake is that", "The trade-off is that", "At scale,", "Measured carefully,", "Put simply,",
    ];

    public static readonly string[] HeadingWords =
    [
        "Intuition", "Mechanism", "Worked example", "Trade-offs", "Pitfalls", "What interviewers ask", "Numbers to remember",
        "Failure modes", "Design choices", "Related ideas", "Implementation notes", "Evaluation", "Checklist", "Open questions",
        "History", "When not to use it", "Debugging", "Cost", "Latency", "Summary",
    ];

    public static readonly string[] Tags =
    [
        "retrieval", "serving", "training", "evaluation", "agents", "prompting", "safety", "python", "system-design", "math",
        "inference", "data", "rag", "fine-tuning", "infra", "interview", "reading", "todo", "reference", "project",
    ];
}
