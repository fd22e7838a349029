using System.CommandLine;
using LlmPrep.Server.Hosting;

namespace LlmPrep.Server.Cli;

/// <summary>Options every command accepts: where the corpus and the data are.</summary>
internal sealed class GlobalOptions
{
    public Option<string[]> Corpus { get; } = new("--corpus")
    {
        Description = "An extra corpus folder (e.g. your Obsidian vault); repeat for several. Also LLMPREP_CORPUS.",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Folder for the index and your progress (default ~/.local/share/llmprep). Also LLMPREP_DATA_DIR.",
        Recursive = true,
        // An installer may pass "--data-dir=" for a setting the person left empty: that means the default.
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<bool> NoBundled { get; } = new("--no-bundled")
    {
        Description = "Leave the bundled corpus out (use only --corpus folders).",
        Recursive = true,
    };

    public Option<string?> TokensFile { get; } = new("--tokens-file")
    {
        Description = "The bearer tokens file for serve --http and the token commands (default: 'tokens' in the data folder). Also LLMPREP_TOKENS_FILE.",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Corpus);
        command.Options.Add(DataDir);
        command.Options.Add(NoBundled);
        command.Options.Add(TokensFile);
    }

    public ServerSettings Settings(ParseResult result) =>
        ServerSettings.Resolve(result.GetValue(Corpus), result.GetValue(DataDir), result.GetValue(NoBundled), result.GetValue(TokensFile));
}
