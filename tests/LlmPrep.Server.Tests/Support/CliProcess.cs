using System.Diagnostics;

namespace LlmPrep.Server.Tests.Support;

/// <summary>Runs the built <c>llmprep</c> as a person runs it: arguments, optional stdin (then closed), a data folder in the environment.</summary>
public static class CliProcess
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(string? stdin, string dataDirectory, IReadOnlyList<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(Start(dataDirectory, args, workingDirectory, environment))!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    public static ProcessStartInfo Start(string dataDirectory, IReadOnlyList<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? dataDirectory,
        };
        start.ArgumentList.Add(Fixtures.ServerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LLMPREP_DATA_DIR"] = dataDirectory;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>True when the text carries a .NET stack trace, an unhandled-exception banner, a parser complaint or a resource key instead of a message.</summary>
    public static bool LooksLikeACrash(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(
            text,
            @"^\s+at [\w.`<>\[\]]+\(|Unhandled exception|Unrecognized command|expected type 'System\.|\b(IO|Arg|Argument|InvalidOperation|NotSupported|UnauthorizedAccess|Net|TaskCanceledException)_[A-Za-z]+",
            System.Text.RegularExpressions.RegexOptions.Multiline);
}
