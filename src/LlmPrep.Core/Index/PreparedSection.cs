namespace LlmPrep.Core.Index;

/// <summary>One section row as a sync writes it: its anchor and heading, and the text of each indexed column.</summary>
internal sealed record PreparedSection(string Anchor, string Heading, SectionColumns Columns);
