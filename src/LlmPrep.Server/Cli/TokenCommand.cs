using System.CommandLine;
using LlmPrep.Core.Access;

namespace LlmPrep.Server.Cli;

/// <summary><c>llmprep token add|list|revoke</c>: the bearer tokens that let people use <c>serve --http</c>.</summary>
internal static class TokenCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("token", "Manage the bearer tokens of serve --http: each person gets one; their user id keeps their progress apart.");

        var user = new Argument<string>("user-id") { Description = "Whose token: letters, digits, '.', '_', '-' or '@' (e.g. alice)." };
        var add = new Command("add", "Create a token for a user; it is printed once and only its SHA-256 hash is stored.") { user };
        add.SetAction(result => Run(global, result, file =>
        {
            var (token, record) = file.Add(result.GetValue(user)!, DateTimeOffset.UtcNow);
            Console.WriteLine(token);
            Console.Error.WriteLine($"llmprep: token {record.Id} for '{record.UserId}' saved (as a hash) in {file.Path}. It is shown only now: " +
                "give it to that person; their client sends it as 'Authorization: Bearer <token>'.");
        }));

        var list = new Command("list", "List tokens: id, user id, when created (never the tokens themselves).");
        list.SetAction(result => Run(global, result, file =>
        {
            var tokens = file.Load();
            if (tokens.Count == 0)
            {
                Console.WriteLine($"No tokens in {file.Path}.");
            }

            foreach (var token in tokens)
            {
                Console.WriteLine($"{token.Id}  {token.UserId}  {token.Created:u}");
            }
        }));

        var which = new Argument<string>("id-or-user") { Description = "A token id from 'token list', or a user id to revoke all of that user's tokens." };
        var revoke = new Command("revoke", "Revoke a token (or every token of a user); a running server refuses it from its next request.") { which };
        revoke.SetAction(result => Run(global, result, file =>
        {
            var removed = file.Revoke(result.GetValue(which)!);
            if (removed.Count == 0)
            {
                throw new AccessTokenException($"no token or user '{result.GetValue(which)}' in {file.Path}; see 'llmprep token list'");
            }

            Console.WriteLine($"Revoked {removed.Count} token(s): {string.Join(", ", removed.Select(t => $"{t.Id} ({t.UserId})"))}.");
        }));

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(revoke);
        return command;
    }

    private static int Run(GlobalOptions global, ParseResult result, Action<AccessTokenFile> action)
    {
        try
        {
            action(new AccessTokenFile(global.Settings(result).TokensPath));
            return 0;
        }
        catch (AccessTokenException ex)
        {
            Console.Error.WriteLine($"llmprep: {ex.Message}");
            return 2;
        }
    }
}
