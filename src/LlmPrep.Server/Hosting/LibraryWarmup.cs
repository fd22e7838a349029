using Microsoft.Extensions.Hosting;

namespace LlmPrep.Server.Hosting;

/// <summary>Starts opening the library when the host starts, in the background.</summary>
internal sealed class LibraryWarmup(LibraryHost host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        host.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
