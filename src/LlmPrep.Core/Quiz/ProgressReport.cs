using System.Globalization;
using System.Text;

namespace LlmPrep.Core.Quiz;

/// <summary>How ready the person is: overall and per section (weighted must 3, good 2, nice 1), weakest topics, due work, streak.</summary>
/// <param name="Readiness">0-100: the priority-weighted average recall probability of every card today (cards still in learning steps count half, unstudied cards 0).</param>
/// <param name="Sections">Readiness per section, in study order.</param>
/// <param name="Weakest">Studied notes with the lowest recall, weakest first.</param>
/// <param name="DueNow">Reviews due now.</param>
/// <param name="DueToday">Reviews due by the end of today.</param>
/// <param name="NewCards">Cards never studied.</param>
/// <param name="StudiedCards">Cards studied at least once.</param>
/// <param name="TotalCards">Cards in the corpus.</param>
/// <param name="Reviews">Reviews ever recorded.</param>
/// <param name="ReviewsToday">Reviews recorded today.</param>
/// <param name="StreakDays">Consecutive days with at least one review, up to today.</param>
/// <param name="LastReview">When the last review happened.</param>
public sealed record ProgressReport(
    int Readiness,
    IReadOnlyList<SectionReadiness> Sections,
    IReadOnlyList<WeakTopic> Weakest,
    int DueNow,
    int DueToday,
    int NewCards,
    int StudiedCards,
    int TotalCards,
    int Reviews,
    int ReviewsToday,
    int StreakDays,
    DateTimeOffset? LastReview)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine("# Interview readiness").AppendLine();
        text.AppendLine(culture, $"**Overall readiness: {Readiness}%** ({StudiedCards} of {TotalCards} cards studied, {Reviews} reviews, {StreakDays}-day streak).").AppendLine();
        text.AppendLine(culture, $"Due now: {DueNow} · due today: {DueToday} · new cards: {NewCards}").AppendLine();
        text.AppendLine("| section | readiness | studied | due |").AppendLine("|---|---:|---:|---:|");
        foreach (var s in Sections)
        {
            text.AppendLine(culture, $"| {s.Title} | {s.Readiness}% | {s.Studied}/{s.Cards} | {s.Due} |");
        }

        text.AppendLine();
        if (Weakest.Count > 0)
        {
            text.AppendLine("## Weakest topics").AppendLine();
            foreach (var w in Weakest)
            {
                text.AppendLine(culture, $"- [{w.Title}]({w.Uri}): {w.Readiness}% recall, {w.Lapses} lapses, {w.Due} due");
            }
        }
        else
        {
            text.AppendLine("No reviews yet: start with `quiz_next` (or `llmprep quiz`).");
        }

        return text.ToString();
    }
}

/// <summary>Readiness of one section.</summary>
public sealed record SectionReadiness(string Section, string Title, int Readiness, int Cards, int Studied, int Due);

/// <summary>A studied note the person recalls least well.</summary>
public sealed record WeakTopic(string NoteId, string Title, string Uri, int Readiness, int Studied, int Lapses, int Due);
