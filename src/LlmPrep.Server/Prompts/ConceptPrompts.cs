using System.ComponentModel;
using LlmPrep.Core.Completion;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Prompts;

/// <summary>The Feynman check: the person explains a concept back and the assistant probes the gaps against its note.</summary>
[McpServerPromptType]
public sealed class ConceptPrompts
{
    private readonly LibraryHost _library;

    public ConceptPrompts(LibraryHost library, RequestContext<GetPromptRequestParams> request)
    {
        PromptArguments.Validate<ConceptPrompts>(request);
        _library = library;
    }

    [McpServerPrompt(Name = "explain_concept", Title = "Explain a concept back")]
    [Description("""
        Feynman-style practice: the person explains a concept in their own words as they would in an interview, and the
        assistant checks the explanation against the note that teaches it, probes each gap with an interviewer's follow-up
        until it is fixed, and ends with a tight 60-second answer. Unknown concepts get the closest matches.
        """)]
    public async Task<GetPromptResult> ExplainConcept(
        [Description("The concept to explain: a note title, id, alias or glossary term, e.g. \"KV cache\", \"reciprocal rank fusion\", \"LoRA\", \"TTFT\".")] string concept,
        CancellationToken cancellationToken = default)
    {
        var name = PromptArguments.Required(concept, "concept");
        var library = await _library.GetAsync(cancellationToken);
        var match = NoteFinder.Concept(library, name);
        var note = match.Note;

        var resources = new PromptResources();
        resources.AddNote(note);
        if (match.Focus is { } section)
        {
            resources.AddSection(note, section); // a no-op when the whole note is in
        }
        if (match.Glossary is { } entry && CorpusVocabulary.For(library.Corpus).Glossary is { } glossary && glossary != note)
        {
            resources.AddSection(glossary, entry);
        }

        var source = match.Focus is { } focus
            ? $"the \"{focus.Heading}\" section of {NoteUri.For(note, focus.Anchor)}"
            : NoteUri.For(note);
        var instructions = $"""
            Feynman check on "{name}". I will explain it to you in my own words, as I would in an interview. You are a sharp interviewer and coach: you check my explanation against the embedded note ({source}) and make me fix every gap myself.

            1. Ask me to explain "{name}" in about 90 seconds to a smart engineer who has never met it. Then wait; don't prompt me while I answer.
            2. Compare my explanation with the note, point by point. Tell me briefly what I got right, then what I got wrong and what I left out that an interviewer would expect, quoting the note's line for each.
            3. Probe the gaps one question at a time, the way an interviewer follows up: "why does that work?", "what happens when…?", "what does it cost?", "when would you not use it?". Make me re-explain each gap in plain words with a concrete example until I get it right. Correct me in a sentence, not a lecture.
            4. Jargon check: whenever I use a term I have not defined, ask for a one-sentence definition.
            5. Finish with my explanation rewritten as a tight 60-second spoken answer (my words, with the fixes), the one thing to remember, and the cards to drill next (quiz_me, or quiz_next with topic "{note.Id}").

            Don't explain it for me before I have tried, and don't accept hand-waving: if I can't give an example, we're not done.

            Cards on this note (card_id: question):
            {PromptResults.Cards([note], 12)}
            """;
        return PromptResults.Create($"Explain \"{name}\" back (Feynman check against {note.Title})", instructions, resources,
            $"Start: ask me to explain \"{name}\".");
    }
}
