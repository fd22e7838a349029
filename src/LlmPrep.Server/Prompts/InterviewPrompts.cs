using System.ComponentModel;
using LlmPrep.Core;
using LlmPrep.Core.Completion;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Prompts;

/// <summary>The interviewer prompts: a timed mock interview in three styles, and a guided system-design round.</summary>
[McpServerPromptType]
public sealed class InterviewPrompts
{
    public const int MinMinutes = 15;
    public const int MaxMinutes = 120;
    private const int MaxTopicNotes = 3;

    private readonly LibraryHost _library;
    private readonly QuizHost _quiz;
    private readonly TimeProvider _time;

    public InterviewPrompts(LibraryHost library, QuizHost quiz, TimeProvider time, RequestContext<GetPromptRequestParams> request)
    {
        PromptArguments.Validate<InterviewPrompts>(request);
        _library = library;
        _quiz = quiz;
        _time = time;
    }

    [McpServerPrompt(Name = "mock_interview", Title = "Mock interview")]
    [Description("""
        A timed mock interview with the assistant as the interviewer: technical questions, a system-design round or a
        behavioural round, at a chosen level. It opens with a question, probes weak answers with follow-ups, keeps time,
        scores against a rubric, and ends with a debrief that records answers to matching quiz cards with quiz_answer.
        """)]
    public async Task<GetPromptResult> MockInterview(
        [Description("What to be interviewed on: a topic, section or note id (\"rag\", \"retrieval\", \"lora-qlora\"); for system_design a scenario; for behavioural a theme. Leave out for a mix of must-know topics.")] string? topic = null,
        [Description("The bar to interview at: junior, mid, senior or staff (default mid).")] string? level = null,
        [Description("Length in minutes, 15 to 120 (default 45).")] int minutes = 45,
        [Description("technical, system_design or behavioural (default technical).")] string? style = null,
        CancellationToken cancellationToken = default)
    {
        var subject = PromptArguments.Text(topic, "topic");
        var bar = InterviewLevels.Parse(level);
        var kind = InterviewStyles.Parse(style);
        PromptArguments.InRange(minutes, "minutes", MinMinutes, MaxMinutes);
        var library = await _library.GetAsync(cancellationToken);
        return kind switch
        {
            InterviewStyle.SystemDesign => DesignRound(library, subject, bar, minutes, guided: false),
            InterviewStyle.Behavioural => Behavioural(library.Corpus, subject, bar, minutes),
            _ => Technical(library.Corpus, subject, bar, minutes),
        };
    }

    [McpServerPrompt(Name = "system_design", Title = "System design round")]
    [Description("""
        A guided LLM system-design round: the assistant plays an interviewer who holds the requirements, walks the person
        through the nine steps of the system-design framework with a time plan, probes each decision, and coaches after
        each step, using the matching case study's facts and trade-offs.
        """)]
    public async Task<GetPromptResult> SystemDesign(
        [Description("The system to design: a case study (\"bank RAG\", \"case-customer-support\", \"design Perplexity\") or your own scenario in a sentence.")] string scenario,
        CancellationToken cancellationToken = default)
    {
        var text = PromptArguments.Required(scenario, "scenario", 500);
        var library = await _library.GetAsync(cancellationToken);
        return DesignRound(library, text, InterviewLevel.Senior, 45, guided: true);
    }

    private GetPromptResult Technical(CorpusSnapshot corpus, string? topic, InterviewLevel level, int minutes)
    {
        var resources = new PromptResources();
        IReadOnlyList<Note> inScope;
        string subject;
        if (topic is null)
        {
            var (report, _) = PromptProgress.Report(_quiz, corpus);
            var weakest = report?.Weakest.Select(w => corpus.FindById(w.NoteId)).OfType<Note>().ToList() ?? [];
            var mixed = corpus.FindById("question-bank") is { } bank ? [bank] : corpus.Notes.Where(n => n.Priority == NotePriority.Must).Take(2).ToList();
            inScope = [.. mixed, .. weakest];
            subject = weakest.Count > 0 ? "a mix of must-know topics, leaning on my weakest" : "a mix of must-know topics";
        }
        else
        {
            // The notes that teach the topic first, as the quiz takes it.
            inScope = NoteFinder.Topic(corpus, topic);
            subject = $"\"{topic}\"";
        }

        foreach (var note in inScope.Take(MaxTopicNotes))
        {
            resources.AddNote(note);
        }

        var opening = resources.Notes.SelectMany(n => n.Cards).FirstOrDefault()?.Question ?? "Walk me through how an LLM turns a prompt into an answer.";
        var plan = InterviewScript.TechnicalPlan(minutes, level, out var questions);
        var more = inScope.Except(resources.Notes).Take(10).ToList();
        var instructions = $"""
            You are the interviewer in a {minutes}-minute technical mock interview for a {level.Name()} LLM / GenAI engineer role. The subject is {subject}. I am the candidate. Stay in role until the debrief.

            How to run it:
            1. Open in one line (format and time), then ask the opening question below. One question at a time; wait for my answer. Never answer for me, hint before I have tried, or teach mid-interview.
            2. Probe every answer with one or two follow-ups aimed at its weakest part: the missing trade-off, the vague number, the term I used without defining, the failure mode I skipped. Ask "why?", "what does it cost?" and "how would you measure it?". If I am stuck for a minute, narrow the question once, then move on and note it.
            3. Pick about {questions} questions from the embedded notes, must-know first, harder follow-ups at higher levels. The cards below are good questions with reference answers in the notes. Judge every answer against the notes, not your general knowledge alone.
            4. Keep time against the plan; say "let's move on" when a box runs out. Don't spend a follow-up chain on what I clearly know.
            5. Debrief when time is up or when I say "debrief": step out of the role and give
               - a table: each question, my answer in a phrase, its score 1-4, and what a strong answer adds;
               - the rubric scores with one piece of evidence each, and a verdict at the {level.Name()} bar: strong hire, hire, lean no or no;
               - the three gaps that cost most, each with the llmprep:// note section to study.
            6. Record results: for each question you asked that is one of the cards below (the same question or clearly the same ask), call quiz_answer with its card_id and my answer in my own words, as close to verbatim as you have it. If its judgement is "provisional", send your verdict per key point with quiz_rate, as its instruction says. Questions that match no card are not recorded.

            Time plan:
            {plan}
            Scoring rubric:
            {InterviewScript.TechnicalRubric(level)}
            Cards in scope (card_id: question):
            {PromptResults.Cards(resources.Notes)}
            {(more.Count > 0 ? $"Other notes in scope (read_note if the interview goes there):\n{PromptResults.Links(more)}" : "")}
            Opening question: {opening}
            """;
        return PromptResults.Create($"{minutes}-minute technical mock interview ({level.Name()}) on {subject}", instructions, resources,
            "Start the interview now: one line on the format, then the opening question.");
    }

    private GetPromptResult DesignRound(StudyLibrary library, string? scenario, InterviewLevel level, int minutes, bool guided)
    {
        var corpus = library.Corpus;
        var vocabulary = CorpusVocabulary.For(corpus);
        // A case study the person picked by name is the task; a scenario in their own words stays the task, word for word,
        // and the most similar case study is reference material only.
        var caseStudy = scenario is null ? Rotate(vocabulary.CaseStudies) : NoteFinder.NamedScenario(corpus, scenario);
        var similar = caseStudy is null && scenario is not null ? NoteFinder.SimilarScenario(corpus, scenario) : null;
        var related = caseStudy is null && scenario is not null ? NoteFinder.Related(library, scenario, 2) : [];
        if (caseStudy is null && similar is null && related.Count == 0)
        {
            throw NoteFinder.Unknown("scenario", scenario ?? "", vocabulary.Scenarios,
                "Pick a case study, or describe the system in a sentence (\"a support chatbot over 10k help articles\").");
        }

        var resources = new PromptResources();
        if (corpus.FindById("system-design-framework") is { } framework)
        {
            resources.AddNote(framework);
        }

        foreach (var note in caseStudy is not null ? [caseStudy] : similar is not null ? [similar, .. related.Take(1)] : related)
        {
            resources.AddNote(note);
        }

        string problem;
        string facts;
        if (caseStudy is not null)
        {
            problem = CorpusVocabulary.ScenarioOf(caseStudy);
            problem = char.ToUpperInvariant(problem[0]) + problem[1..].TrimEnd('.');
            facts = $"Answer my clarifying questions from the case study's clarifying questions, requirements and estimates ({NoteUri.For(caseStudy)}); if I never ask about scale, privacy or latency, note it as a gap rather than volunteering it.";
        }
        else
        {
            problem = $"\"{scenario}\" (my words; this is the task)";
            facts = similar is not null
                ? $"The embedded case study \"{CorpusVocabulary.ScenarioOf(similar)}\" ({NoteUri.For(similar)}) is a similar case, not this task: do not swap my scenario for it. Invent consistent, realistic facts for my scenario (users, scale, data, constraints) when I ask, write them down, and keep to them; borrow the similar case's trade-offs, estimates and follow-ups only where they fit."
                : "There is no case study for this scenario: invent consistent, realistic facts (users, scale, data, constraints) when I ask, write them down, and keep to them. Use the embedded notes for the technical trade-offs.";
        }

        var plan = InterviewScript.DesignPlan(minutes);
        var mode = guided
            ? "This is a guided round: after each step, step out for a moment and coach: what was strong, what the framework and case study would add (two or three bullets), then continue in role. Keep the coaching short; I do the designing."
            : "This is a realistic round: no coaching until the debrief.";
        var instructions = $"""
            You are the interviewer in a {minutes}-minute LLM system-design round at the {level.Name()} level. The problem: {problem}. I am the candidate and I drive the design; you hold the requirements. {mode}

            How to run it:
            1. {(caseStudy is null ? "Restate my scenario exactly as I wrote it (keep every detail: who, what data, what scale), then wait." : "State the problem in one or two sentences, vague on purpose, the way an interviewer would, then wait.")}
            2. {facts}
            3. Let me drive through the framework's steps on the time plan below. If I skip a step or run over a box, bring me back with a question ("How would you know it works?", "What does one request cost?") before time runs out.
            4. Probe each decision for its alternative and its failure: "why not X?", "what breaks at 10x traffic?", "what happens when retrieval returns nothing relevant?". Ask for back-of-envelope numbers at least once. Take your hardest follow-ups from the {(caseStudy is null && similar is not null ? "similar case's" : "case study's")} trade-offs.
            5. With about ten minutes left, change one requirement (a tighter latency budget, a new region with data-residency rules, ten times the documents) and see how I adapt.
            6. Debrief out of role: the rubric scores with evidence, a verdict at the {level.Name()} bar, the strongest and weakest parts of my design, and a short model answer for the weakest step. Then, for each case-study card below whose question you effectively asked, call quiz_answer with its card_id and my answer in my own words, and correct the rating with quiz_rate if it disagrees with your score.

            Time plan:
            {plan}
            Scoring rubric:
            {InterviewScript.DesignRubric(level)}
            Cards in scope (card_id: question):
            {PromptResults.Cards(resources.Notes.Where(n => n == (caseStudy ?? similar)).Concat(resources.Notes.Where(n => n != (caseStudy ?? similar))), 20)}
            """;
        var description = $"{minutes}-minute {(guided ? "guided " : "")}system-design round: {(caseStudy is null ? scenario : problem)}";
        return PromptResults.Create(description, instructions, resources, "Start the round: state the problem and wait for my first question.");
    }

    private static GetPromptResult Behavioural(CorpusSnapshot corpus, string? theme, InterviewLevel level, int minutes)
    {
        var vocabulary = CorpusVocabulary.For(corpus);
        var resources = new PromptResources();
        var stories = vocabulary.Behavioural;
        var focus = theme is null ? null : NoteFinder.Theme(corpus, theme);
        if (stories is not null)
        {
            resources.AddNote(stories);
        }

        if (corpus.FindById("tell-me-about-yourself") is { } pitch)
        {
            resources.AddNote(pitch);
        }

        var plan = InterviewScript.BehaviouralPlan(minutes, out var count);
        var lead = theme is null
            ? $"Ask {count} behavioural questions that a GenAI engineering team would ask, varied across the themes in the notes (a decision defended, a hard bug, learning fast, a quality-versus-cost trade-off, a failure)."
            : $"Start with the theme \"{theme}\"{(focus is null ? "" : $" (prepared in the stories note as \"{focus.Name}\")")}, then cover {Math.Max(0, count - 1)} other themes from the notes.";
        var instructions = $"""
            You are the interviewer in a {minutes}-minute behavioural round for a {level.Name()} GenAI engineer. I am the candidate. Stay in role until the debrief.

            How to run it:
            1. Open with "Tell me about yourself." Cut in politely at two minutes.
            2. {lead} One question at a time; let me finish the story.
            3. Probe like a hiring manager: if the situation runs long, cut to "what did you do?"; ask "what did *you* do, not the team?", "what was the number?", "who disagreed, and how did you resolve it?", "what would you do differently?". A story without a result or a lesson is not finished: ask for them.
            4. Keep time against the plan.
            5. Debrief out of role: per story, the score on each rubric dimension and the missing STAR element; a tighter opening line for my weakest story; which of my stories can be reused for which other questions. Then record: for each question you asked that is one of the cards below, call quiz_answer with its card_id and my answer in my own words, and correct the rating with quiz_rate if it disagrees with your score.

            Time plan:
            {plan}
            Scoring rubric:
            {InterviewScript.BehaviouralRubric(level)}
            Cards in scope (card_id: question):
            {PromptResults.Cards(resources.Notes)}
            """;
        return PromptResults.Create($"{minutes}-minute behavioural mock interview ({level.Name()}){(theme is null ? "" : $" on \"{theme}\"")}", instructions, resources,
            "Start the interview now: one line on the format, then \"Tell me about yourself.\"");
    }

    /// <summary>A different case study each day, so repeated mocks do not replay one scenario.</summary>
    private Note? Rotate(IReadOnlyList<Note> caseStudies) =>
        caseStudies.Count == 0 ? null : caseStudies[_time.GetUtcNow().DayOfYear % caseStudies.Count];
}
