using System.ComponentModel;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// The tests play clients that offer sampling, which the SDK marks obsolete for 2026-07-28.
#pragma warning disable MCP9005

namespace LlmPrep.Server.Tests.Protocol;

/// <summary>What <see cref="ClientProfile"/> says about the client behind a tool call, for each revision and declared capability.</summary>
public sealed class ClientProfileTests
{
    [Theory]
    [InlineData("2025-11-25", true, true, "2025-11-25 per-request=False sample=True elicit=True")]
    [InlineData("2025-11-25", false, false, "2025-11-25 per-request=False sample=False elicit=False")]
    [InlineData("2026-07-28", true, true, "2026-07-28 per-request=True sample=False elicit=True")]
    [InlineData("2026-07-28", false, false, "2026-07-28 per-request=True sample=False elicit=False")]
    public async Task A_tool_learns_per_request_what_the_client_can_do(string revision, bool sampling, bool elicitation, string expected)
    {
        var handlers = new McpClientHandlers();
        if (sampling)
        {
            handlers.SamplingHandler = (_, _, _) => ValueTask.FromResult(new CreateMessageResult { Model = "m", Role = Role.Assistant, Content = [] });
        }

        if (elicitation)
        {
            handlers.ElicitationHandler = (_, _) => ValueTask.FromResult(new ElicitResult { Action = "decline" });
        }

        await using var mcp = await McpHarness.StartAsync(
            protocolVersion: revision,
            clientOptions: new McpClientOptions { Handlers = handlers },
            configure: builder => builder.WithTools<ProfileProbe>());

        var result = await mcp.CallAsync("probe_client_profile", []);

        Assert.Equal(expected, McpHarness.Text(result));
    }

    [McpServerToolType]
    public sealed class ProfileProbe
    {
        [McpServerTool(Name = "probe_client_profile"), Description("Reports the client profile of this request.")]
        public static string Probe(RequestContext<CallToolRequestParams> context)
        {
            var profile = ClientProfile.Of(context.Server, context.JsonRpcRequest);
            return $"{profile.ProtocolVersion} per-request={profile.PerRequestMetadata} sample={profile.CanSample} elicit={profile.CanElicit}";
        }
    }
}
