using System.CommandLine;
using LlmPrep.Core;
using LlmPrep.Core.Index;
using LlmPrep.Core.Search;

namespace LlmPrep.Server.Cli;

/// <summary><c>llmprep search kv cache</c>: ranked hits with snippets, in the terminal (every word after the command is the query).</summary>
internal static class SearchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var query = new Argument<string[]>("query") { Description = "Words to search for, quoted or not; \"phrases\", prefix* and -exclusions work.", Arity = ArgumentArity.OneOrMore };
        var section = new Option<string?>("--section") { Description = "Only this section (folder, number or name)." };
        var level = new Option<string?>("--level") { Description = "Only this level: beginner, intermediate, advanced, expert." };
        var priority = new Option<string?>("--priority") { Description = "Only this priority: must, good, nice." };
        var tags = new Option<string[]>("--tag") { Description = "Only notes with this tag (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var limit = WholeNumberOption.Create("--limit", "Number of hits (1-50).", SearchService.DefaultLimit, 1, 50);
        var command = new Command("search", "Search the notes.") { query, section, level, priority, tags, limit };
        command.SetAction(result =>
        {
            using var library = StudyLibrary.Open(global.Settings(result).Library);
            try
            {
                var found = library.Search(new SearchRequest(string.Join(' ', result.GetValue(query)!))
                {
                    Filter = new IndexFilter
                    {
                        Sections = result.GetValue(section) is { } s ? [s] : [],
                        Levels = result.GetValue(level) is { } l ? [l] : [],
                        Priorities = result.GetValue(priority) is { } p ? [p] : [],
                        Tags = result.GetValue(tags) ?? [],
                    },
                    Limit = result.GetValue(limit),
                    MaxTokens = int.MaxValue,
                });
                Print(found);
                return 0;
            }
            catch (SearchException ex)
            {
                Console.Error.WriteLine($"llmprep: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void Print(SearchResult result)
    {
        if (result.Hits.Count == 0)
        {
            Console.WriteLine($"No notes match '{result.Query}'.");
            return;
        }

        var rank = 1;
        foreach (var hit in result.Hits)
        {
            var heading = hit.Anchor.Length == 0 ? hit.Title : $"{hit.Title} › {hit.Heading}";
            Console.WriteLine($"{rank++,2}. {heading}  [{hit.Section}, {hit.Priority}, {hit.Level}]");
            Console.WriteLine($"    {hit.Uri}");
            Console.WriteLine($"    {hit.Snippet}");
        }

        var more = result.Total > result.Hits.Count ? $" (showing {result.Hits.Count})" : "";
        Console.WriteLine($"{result.Total} matching sections{more}{(result.MatchMode == "any" ? "; no section had every word, so any word counted" : "")}.");
    }
}
