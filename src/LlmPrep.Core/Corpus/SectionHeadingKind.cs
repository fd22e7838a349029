namespace LlmPrep.Core.Corpus;

/// <summary>Where a <see cref="SectionTable"/> keeps a section's heading.</summary>
internal enum SectionHeadingKind : byte
{
    /// <summary>The title section's heading, held by the table as a string (also the note's title).</summary>
    Title = 0,

    /// <summary>In the table's bytes.</summary>
    Inline = 1,

    /// <summary>In <see cref="SharedHeadings"/>, by its number.</summary>
    Shared = 2,
}
