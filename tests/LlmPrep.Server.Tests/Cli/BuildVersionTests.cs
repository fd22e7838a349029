using System.Reflection;
using LlmPrep.Server.Hosting;

namespace LlmPrep.Server.Tests.Cli;

public sealed class BuildVersionTests
{
    [Fact]
    public void The_server_version_is_the_package_version_of_the_build()
    {
        var informational = typeof(McpServerSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(informational.Split('+')[0], McpServerSetup.Version);
        Assert.Matches(@"^\d+\.\d+\.\d+", McpServerSetup.Version);
    }
}
