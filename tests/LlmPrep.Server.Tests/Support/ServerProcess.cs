using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LlmPrep.Server.Tests.Support;

/// <summary>Runs the built <c>llmprep</c> binary: a command to completion, or <c>serve --http</c> until the test stops it.</summary>
public static class ServerProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Fixtures.ServerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>serve --http</c> on 127.0.0.1 and waits until it answers.</summary>
    public static Task<(Process Process, string Url)> StartHttpAsync(params string[] args) => StartHttpAsync(new Dictionary<string, string>(), args);

    /// <summary>Starts <c>serve --http</c> on 127.0.0.1 with these environment variables and waits until it answers.</summary>
    public static async Task<(Process Process, string Url)> StartHttpAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var port = FreePort();
        var start = StartInfo(["serve", "--http", "--urls", $"http://127.0.0.1:{port}", .. args]);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var url = $"http://127.0.0.1:{port}/mcp";
        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                await http.GetAsync(url);
                return (process, url);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the HTTP server did not start: " + await process.StandardError.ReadToEndAsync());
    }

    public static async Task<string> StopAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.Dispose();
        return errors;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
