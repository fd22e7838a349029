using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Topics;

/// <summary>A page of the corpus outline: every section with its totals, the notes that fit the token budget, and the corpus's problems.</summary>
/// <param name="Detail"><c>compact</c> (id, title, level, priority, minutes, cards) or <c>full</c> (also URI and summary).</param>
/// <param name="Sections">Every section in study order; each lists the notes of this page.</param>
/// <param name="TotalNotes">Notes within the filters, on every page.</param>
/// <param name="TotalCards">Their quiz cards.</param>
/// <param name="TotalMinutes">Their study minutes.</param>
/// <param name="Offset">How many notes came before this page.</param>
/// <param name="NextOffset">The offset of the next page, or null when this is the last.</param>
/// <param name="Truncated">True when the token budget ended the page before the last note.</param>
/// <param name="Problems">How many problems the notes have, and the first few (all of them at llmprep://problems).</param>
public sealed record TopicList(
    string Detail,
    IReadOnlyList<TopicSection> Sections,
    int TotalNotes,
    int TotalCards,
    int TotalMinutes,
    int Offset,
    int? NextOffset,
    bool Truncated,
    ProblemSummary Problems);
