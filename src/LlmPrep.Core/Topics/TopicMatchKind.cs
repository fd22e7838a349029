namespace LlmPrep.Core.Topics;

/// <summary>Why a note matched a topic, best first.</summary>
public enum TopicMatchKind
{
    /// <summary>The topic is the note's id.</summary>
    Id,

    /// <summary>The topic is the note's title.</summary>
    Title,

    /// <summary>The topic is one of the note's aliases, and the note's id or title begins with it or what it stands for.</summary>
    AliasLeads,

    /// <summary>The topic is one of the note's aliases, and the title says it or what it stands for.</summary>
    AliasInTitle,

    /// <summary>The topic is one of the note's aliases.</summary>
    Alias,

    /// <summary>The topic is one of the note's tags.</summary>
    Tag,

    /// <summary>The topic names the note's section folder.</summary>
    Section,

    /// <summary>A heading of the note is about the topic (it holds every topic word).</summary>
    Heading,

    /// <summary>Every topic word is in the note's id, title, section, tags or aliases.</summary>
    Words,

    /// <summary>A glossary or study-plan note, used only because nothing else matched.</summary>
    Reference,
}
