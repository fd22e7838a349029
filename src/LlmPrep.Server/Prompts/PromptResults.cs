using System.Globalization;
using System.Text;
using LlmPrep.Core.Corpus;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Prompts;

/// <summary>Assembles prompt results: the instructions, the embedded notes, then the line that starts the session.</summary>
internal static class PromptResults
{
    public static GetPromptResult Create(string description, string instructions, PromptResources resources, string start) => new()
    {
        Description = description,
        Messages = [User(instructions + Unembedded(resources)), .. resources.Messages, User(start)],
    };

    public static PromptMessage User(string text) => new() { Role = Role.User, Content = new TextContentBlock { Text = text.Trim() } };

    /// <summary>The quiz cards of the given notes as "- `card_id`: question" lines, for recording answers with quiz_answer.</summary>
    public static string Cards(IEnumerable<Note> notes, int max = 30)
    {
        var text = new StringBuilder();
        foreach (var card in notes.SelectMany(n => n.Cards).Take(max))
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{card.Id}`: {card.Question}\n");
        }

        return text.Length == 0 ? "- (none)\n" : text.ToString();
    }

    /// <summary>A bulleted list of notes as markdown links.</summary>
    public static string Links(IEnumerable<Note> notes) =>
        string.Concat(notes.Select(n => $"- [{n.Title}]({NoteUri.For(n)})\n"));

    public static string Minutes(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };

    private static string Unembedded(PromptResources resources) => resources.NotEmbedded.Count == 0
        ? ""
        : $"\n\nNot embedded in full for length (read with read_note when you need them): {string.Join(", ", resources.NotEmbedded)}.";
}
