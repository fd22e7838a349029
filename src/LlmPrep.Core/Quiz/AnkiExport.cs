using System.Net;
using System.Text;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// Writes quiz cards as an Anki import file: tab-separated front, back and tags, with the header lines
/// Anki reads (<c>#separator:tab</c>, <c>#html:true</c>, <c>#tags column:3</c>). Text is HTML-escaped;
/// line breaks become <c>&lt;br&gt;</c> so each card stays on one line.
/// </summary>
public static class AnkiExport
{
    public static string Write(IEnumerable<Note> notes)
    {
        var text = new StringBuilder();
        text.Append("#separator:tab\n#html:true\n#tags column:3\n");
        foreach (var note in notes)
        {
            foreach (var card in note.Cards)
            {
                var back = new StringBuilder(Html(card.Answer));
                back.Append("<br><br><b>Key points</b><ul>");
                foreach (var point in card.KeyPoints)
                {
                    back.Append("<li>").Append(Html(point)).Append("</li>");
                }

                back.Append("</ul><small>").Append(Html(note.Title)).Append(" — ").Append(Html(NoteUri.For(note))).Append("</small>");
                var tags = new[] { "llmprep", Tag(note.Section), Tag(note.Id), "priority::" + note.Priority.ToText(), "level::" + note.Level.ToText() };
                text.Append(Html(card.Question)).Append('\t').Append(back).Append('\t').Append(string.Join(' ', tags.Where(t => t.Length > 0))).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Html(string value) =>
        WebUtility.HtmlEncode(value.Trim()).Replace("\r\n", "<br>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal);

    private static string Tag(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
}
