using System.Text;

namespace LlmPrep.Core.Tests.Support;

/// <summary>Builds note text in the corpus format.</summary>
public static class Notes
{
    public static string Valid(string section, string id, string title, string body, string aliases = "", string tags = "retrieval", string level = "intermediate", string priority = "must", int cards = 5)
    {
        var text = new StringBuilder();
        text.Append($"""
            ---
            id: {id}
            title: {title}
            section: {section}
            level: {level}
            priority: {priority}
            minutes: 15
            tags: [{tags}]
            aliases: [{aliases}]
            summary: "What {title} is about."
            ---

            # {title}

            {body}

            ## Quiz

            """);
        for (var i = 1; i <= cards; i++)
        {
            text.Append($"""

                ### Question {i} about {title}?

                Reference answer {i}.

                Key points:
                - First point {i}.
                - Second point {i}.

                """);
        }

        return text.ToString();
    }
}
