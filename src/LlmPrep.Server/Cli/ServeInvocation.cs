using System.CommandLine;

namespace LlmPrep.Server.Cli;

/// <summary>
/// Recognises the command lines that serve MCP over stdio (<c>llmprep</c> or <c>llmprep serve</c> with the corpus and
/// data options) and parses them with a command tree that holds only what they use. The full tree's root adds the help
/// and version options, whose descriptions are read through a resource manager; under Native AOT its first use loads
/// the metadata of every assembly in the program, a fifth of the server's start. Only a command line that both trees
/// read the same way is taken: every word is an option of the smaller tree, <c>serve</c>, or the one value that follows
/// an option, and no value is a word the full tree knows (a command, a help or version option, a response file or a
/// directive). Anything else, and any command line the smaller tree finds an error in, is parsed by the full tree, so
/// help, errors and every other command read exactly as before.
/// </summary>
internal static class ServeInvocation
{
    /// <summary>The commands of the full tree beside <c>serve</c>: as values they would be read as commands.</summary>
    public static readonly string[] OtherCommands =
        ["search", "read", "index", "lint", "quiz", "progress", "export", "bench", "health", "token"];

    /// <summary>The help and version options of the full tree that do not start with a dash.</summary>
    private static readonly string[] SlashOptions = ["/h", "/?"];

    private static readonly string[] OptionsWithValue = ["--corpus", "--data-dir", "--tokens-file"];

    private const string NoBundled = "--no-bundled";

    private const string Serve = "serve";

    /// <summary>The parse of a stdio serve command line by the smaller tree, or null when the full tree must read it.</summary>
    public static ParseResult? TryParse(string[] args, GlobalOptions global, Func<ParseResult, CancellationToken, Task<int>> serve)
    {
        if (!Matches(args))
        {
            return null;
        }

        var root = new Command(RootCommand.ExecutableName);
        global.AddTo(root);
        root.Subcommands.Add(ServeCommand.Create(global));
        root.SetAction(serve);
        var result = root.Parse(args);
        return result.Errors.Count == 0 ? result : null;
    }

    /// <summary>Whether every word of the command line is one the smaller tree reads as the full tree does.</summary>
    public static bool Matches(IReadOnlyList<string> args)
    {
        var served = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == Serve && !served)
            {
                served = true;
            }
            else if (arg == NoBundled)
            {
                continue;
            }
            else if (OptionsWithValue.Contains(arg))
            {
                if (i + 1 < args.Count && IsPlainValue(args[i + 1]))
                {
                    i++;
                }
            }
            else if (!IsJoinedValue(arg))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>--data-dir=DIR</c> or <c>--data-dir:DIR</c> (also with nothing after the sign).</summary>
    private static bool IsJoinedValue(string arg)
    {
        var sign = arg.AsSpan().IndexOfAny(':', '=');
        return sign > 0 && OptionsWithValue.Contains(arg[..sign]);
    }

    /// <summary>A value no tree reads as a word of its own: not an option, command, response file or directive.</summary>
    private static bool IsPlainValue(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (value[0] is '-' or '@' or '[')
        {
            return false;
        }

        // The parser also reads "NAME:rest" and "NAME=rest" as the word NAME followed by a value.
        var sign = value.AsSpan().IndexOfAny(':', '=');
        var word = sign >= 0 ? value[..sign] : value;
        return word != Serve && !OtherCommands.Contains(word) && !SlashOptions.Contains(word);
    }
}
