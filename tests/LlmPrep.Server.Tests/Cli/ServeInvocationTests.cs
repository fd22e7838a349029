using System.CommandLine;
using System.CommandLine.Help;
using LlmPrep.Server.Cli;

namespace LlmPrep.Server.Tests.Cli;

/// <summary>The stdio serve command lines are parsed without the full command tree, and read exactly as it reads them.</summary>
public sealed class ServeInvocationTests
{
    public static TheoryData<string> ServeLines => new()
    {
        "",
        "serve",
        "serve|--no-bundled|--corpus|/tmp/vault|--data-dir|/tmp/data",
        "--no-bundled|--corpus|/tmp/a|--corpus|relative vault|serve|--data-dir=",
        "--data-dir:/tmp/d|--corpus=/tmp/c|serve|--tokens-file|/tmp/tokens",
        "serve|--corpus|C:\\notes|--data-dir|",
        "--data-dir|serve",
        "serve|--corpus=search|--data-dir=/h",
    };

    /// <summary>Command lines the smaller tree would read differently or not at all: the full tree reads them.</summary>
    public static TheoryData<string> OtherLines => new()
    {
        "--help",
        "serve|-h",
        "serve|/?",
        "--version",
        "search|attention",
        "serve|--corpus|search",
        "serve|--corpus|/h",
        "serve|--corpus|/h:x",
        "--corpus|-h",
        "serve|--http",
        "@args.rsp",
        "[suggest]",
        "serve|serve",
        "serve|extra",
        "serve|--data-dir|/a|--data-dir|/b",
        "serve|--tokens-file",
        "serve|--no-bundled|true",
        "serve|--unknown",
    };

    [Theory]
    [MemberData(nameof(ServeLines))]
    public void A_serve_command_line_is_parsed_without_the_help_and_version_options(string line)
    {
        var args = Words(line);
        var result = CliApp.Parse(args);

        Assert.IsNotType<RootCommand>(result.RootCommandResult.Command);
        Assert.DoesNotContain(result.RootCommandResult.Command.Options, option => option is HelpOption or VersionOption);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [MemberData(nameof(ServeLines))]
    public void A_serve_command_line_reads_as_the_full_tree_reads_it(string line)
    {
        var args = Words(line);
        var lean = CliApp.Parse(args);
        var full = CliApp.Build().Parse(args);

        Assert.Empty(full.Errors);
        Assert.Equal(full.CommandResult.Command.Name, lean.CommandResult.Command.Name);
        Assert.Equal(full.GetValue<string[]>("--corpus"), lean.GetValue<string[]>("--corpus"));
        Assert.Equal(full.GetValue<string?>("--data-dir"), lean.GetValue<string?>("--data-dir"));
        Assert.Equal(full.GetValue<bool>("--no-bundled"), lean.GetValue<bool>("--no-bundled"));
        Assert.Equal(full.GetValue<string?>("--tokens-file"), lean.GetValue<string?>("--tokens-file"));
        Assert.Equal(full.UnmatchedTokens, lean.UnmatchedTokens);
        Assert.NotNull(lean.Action);
    }

    [Theory]
    [MemberData(nameof(OtherLines))]
    public void Any_other_command_line_is_parsed_by_the_full_tree(string line)
    {
        var args = Words(line);
        var result = CliApp.Parse(args);
        var full = CliApp.Build().Parse(args);

        Assert.IsType<RootCommand>(result.RootCommandResult.Command, exactMatch: false);
        Assert.Equal(full.CommandResult.Command.Name, result.CommandResult.Command.Name);
        Assert.Equal(full.Errors.Select(error => error.Message), result.Errors.Select(error => error.Message));
    }

    /// <summary>A command line written with its words between bars (a bar at the end for an empty last word).</summary>
    private static string[] Words(string line) => line.Length == 0 ? [] : line.Split('|');

    [Fact]
    public void The_commands_a_serve_value_must_not_name_are_every_command_beside_serve()
    {
        var names = CliApp.Build().Subcommands
            .Where(command => command.Name != "serve")
            .SelectMany(command => command.Aliases.Prepend(command.Name));

        Assert.Equal(names.Order(), ServeInvocation.OtherCommands.Order());
    }
}
