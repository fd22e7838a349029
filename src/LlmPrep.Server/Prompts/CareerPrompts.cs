using System.ComponentModel;
using LlmPrep.Core.Completion;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Prompts;

/// <summary>The prompts about the person's own story: a STAR story, the "tell me about yourself" pitch, and a project deep dive.</summary>
[McpServerPromptType]
public sealed class CareerPrompts
{
    private readonly LibraryHost _library;

    public CareerPrompts(LibraryHost library, RequestContext<GetPromptRequestParams> request)
    {
        PromptArguments.Validate<CareerPrompts>(request);
        _library = library;
    }

    [McpServerPrompt(Name = "behavioral_story", Title = "Build a STAR story")]
    [Description("""
        Builds and rehearses a behavioural interview story in STAR form for a theme ("a hard bug you debugged", "a time
        you disagreed with someone"): the assistant draws the raw material out of the person, drafts the story with
        their facts only, times and scores a spoken run-through, and asks the follow-ups an interviewer would.
        """)]
    public async Task<GetPromptResult> BehavioralStory(
        [Description("The theme or question, e.g. \"a technical decision you made and defended\", \"a failure\", \"disagreeing with a colleague\".")] string theme,
        CancellationToken cancellationToken = default)
    {
        var text = PromptArguments.Required(theme, "theme");
        var corpus = (await _library.GetAsync(cancellationToken)).Corpus;
        var vocabulary = CorpusVocabulary.For(corpus);
        var prepared = NoteFinder.Theme(corpus, text);
        var resources = new PromptResources();
        if (vocabulary.Behavioural is { } stories)
        {
            resources.AddNote(stories);
        }

        var match = prepared is null
            ? $"The stories note has no prepared story for this theme; build a fresh one with the same method. Its prepared themes: {string.Join("; ", vocabulary.Themes.Where(t => t.Anchor.Length > 0).Take(6).Select(t => t.Name))}."
            : $"The stories note prepares this theme as \"{prepared.Name}\" ({NoteUri.ForPath(vocabulary.Behavioural!.Path, prepared.Anchor)}): use its template and worked example as the model, never as my story.";
        var instructions = $"""
            Coach me to build and rehearse a behavioural interview story for: "{text}". {match}

            1. Draw out the raw material first, one question at a time: ask for two or three real situations from my work that could fit, and help me pick the one with the clearest personal action and a measurable result.
            2. Draft the story with me in STAR form: Situation and Task in two or three sentences, Action about 60% (what I did, in order, with my reasoning; "I", not "we"; tools and numbers), Result with a number and one sentence of what I learned. Use my facts only: if a number is missing, ask for it or mark it [number?]. Never invent experience.
            3. Rehearse: I tell it as I would out loud. Time it at about 150 words a minute (aim for 90-120 seconds) and score it 1-4 on structure, ownership, evidence, reflection and brevity, with one fix for each score under 3. Then I tell it again.
            4. Ask the two follow-ups an interviewer would ask next ("what would you do differently?", "how did you measure that?", "who disagreed?") and coach my answers to 30 seconds each.
            5. Finish with the story as five or six bullet cues (not a script) and the other questions this story can answer (the note's reuse table).
            """;
        return PromptResults.Create($"Build and rehearse a STAR story: {text}", instructions, resources,
            "Start with step 1: ask me for situations from my work that fit this theme.");
    }

    [McpServerPrompt(Name = "elevator_pitch", Title = "Tell me about yourself")]
    [Description("""
        Builds the "tell me about yourself" pitch for an engineer moving into GenAI roles: present, past, proof, future in
        60-90 seconds, mapped from the person's background onto GenAI work, then rehearsed, timed, and followed by the
        questions that come next ("why GenAI?", "no ML background?").
        """)]
    public async Task<GetPromptResult> ElevatorPitch(
        [Description("Your background in a few sentences: current role, years, domain, stack, and any GenAI project, e.g. \"backend engineer, 6 years in payments, Java and Kafka, built a RAG bot over our runbooks\".")] string background,
        CancellationToken cancellationToken = default)
    {
        var text = PromptArguments.Required(background, "background", PromptArguments.MaxTextLength);
        var corpus = (await _library.GetAsync(cancellationToken)).Corpus;
        var resources = new PromptResources();
        var pitch = corpus.FindById("tell-me-about-yourself");
        if (pitch is not null)
        {
            resources.AddNote(pitch);
        }

        var instructions = $"""
            Help me build my "tell me about yourself" pitch for GenAI engineer interviews, using the embedded note's method{(pitch is null ? "" : $" ({NoteUri.For(pitch)})")}.

            My background:
            {text}

            1. Ask up to three questions to fill what the pitch needs and my background does not say: the GenAI project I am proudest of (with one number), what I owned in it, and the role I am targeting. One at a time.
            2. Draft a 60-90 second pitch (150-220 words) in the note's structure: present, past, proof, future. Map my experience onto GenAI work with the note's mapping (for example backend to serving, APIs and reliability; data to pipelines and evaluation). Lead with the GenAI proof rather than my CV in order: one concrete project with one number, and close with why this role. Never invent experience; ask.
            3. Rehearse: I say it as I would out loud. Time it at about 150 words a minute and flag filler, buzzwords without substance, apologising for the career change, and any claim I could not defend under a follow-up. I say it again.
            4. Ask the follow-ups that come next: "Why GenAI?", "You don't have an ML background; why should we hire you?", "Give me the 60-second version of that project." Coach each answer to 30-45 seconds.
            5. Finish with the final pitch as bullet cues and a two-sentence version for recruiter screens.
            """;
        return PromptResults.Create("Build and rehearse the \"tell me about yourself\" pitch", instructions, resources,
            "Start with step 1: your first question about my background.");
    }

    [McpServerPrompt(Name = "project_deep_dive", Title = "Project deep dive")]
    [Description("""
        The interviewer grills the person on their own project's technical decisions: architecture, framework, retrieval,
        vector store, models, evaluation numbers, cost and latency, privacy and failure handling. Each choice is pushed
        for its alternative and its evidence; the debrief marks what was defended well and what to rehearse.
        """)]
    public async Task<GetPromptResult> ProjectDeepDive(
        [Description("Your project in a few sentences: what it does, the stack (framework, retrieval, store, models), how you evaluated it, and its scale or cost if you know them.")] string project,
        CancellationToken cancellationToken = default)
    {
        var summary = PromptArguments.Required(project, "project", PromptArguments.MaxTextLength);
        var corpus = (await _library.GetAsync(cancellationToken)).Corpus;
        var resources = new PromptResources();
        if (corpus.FindById("defending-your-project") is { } defending)
        {
            resources.AddNote(defending);
        }

        var mentioned = NoteFinder.Mentioned(corpus, summary, 2);
        foreach (var note in mentioned)
        {
            resources.AddNote(note);
        }

        var touched = mentioned.Count == 0
            ? ""
            : $"\nMy summary touches these notes; use them for the standard I should meet on those choices:\n{PromptResults.Links(mentioned)}";
        var instructions = $"""
            You are a senior interviewer running a deep dive on my own project. Grill me on its technical decisions for about 30 minutes, one question at a time. Be direct: if I can't defend a choice, say so plainly, note it, and move on.

            My project:
            {summary}
            {touched}
            Cover these, in this order unless my answers lead somewhere more revealing:
            1. The 60-second architecture: components, data flow, and where each model call happens.
            2. Framework: why this orchestration (a graph framework, plain chains, or no framework)? What would break without it?
            3. Retrieval: chunking, embedding model, dense or hybrid, reranking, and how I know recall is good enough.
            4. Store: why this vector store or database; filtering, scale, operations cost, and when I would switch.
            5. Models: which model for which step and why; prompted or fine-tuned; fallbacks when a call fails.
            6. Evaluation: the golden set, the metrics with their actual numbers (faithfulness, context recall…), and a decision those numbers changed.
            7. Cost and latency: cost per request or run, p95 latency, and what I did to cut them.
            8. Privacy and failure handling: PII, prompt injection, retries, what the user sees when it fails. Then: what I would do differently.

            For every decision ask "why this and not the alternative?", then one follow-up on the weakest part of my answer. When I give a number, ask how I measured it. Don't accept "it's best practice" as a reason.

            Debrief out of role: a table of my decisions marked defended, shaky or undefended; for the three weakest, a stronger answer I could give, drawn from the embedded notes; and the numbers from my project I should know cold.
            """;
        return PromptResults.Create("Project deep dive: defend your technical decisions", instructions, resources,
            "Start: ask me for the 60-second architecture of my project.");
    }
}
