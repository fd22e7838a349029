using System.Net;
using LlmPrep.Server.Http;
using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Tests.Http;

public sealed class HttpGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3001", true)]
    [InlineData("http://localhost:3001", true)]
    [InlineData("http://[::1]:3001", true)]
    [InlineData("https://127.0.0.5:443/", true)]
    [InlineData("http://0.0.0.0:3001", false)]
    [InlineData("http://*:3001", false)]
    [InlineData("http://+:3001", false)]
    [InlineData("http://[::]:3001", false)]
    [InlineData("http://192.168.1.20:3001", false)]
    [InlineData("http://my-laptop.lan:3001", false)]
    public void Tells_loopback_binds_from_network_ones(string url, bool loopback)
    {
        Assert.Equal(loopback, BindAddresses.IsLoopback(url));
        Assert.Equal(loopback ? 0 : 1, BindAddresses.NonLoopback($"{url}; ").Count);
    }

    [Theory]
    [InlineData("10.0.0.5", StatusCodes.Status403Forbidden)]
    [InlineData("192.168.1.20", StatusCodes.Status403Forbidden)]
    [InlineData("127.0.0.1", StatusCodes.Status200OK)]
    [InlineData("::1", StatusCodes.Status200OK)]
    public async Task On_loopback_refuses_clients_from_other_addresses(string remote, int status)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Response.Body = new MemoryStream();
        var reached = false;

        await LoopbackClientGuard.InvokeAsync(context, _ =>
        {
            reached = true;
            return Task.CompletedTask;
        });

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(status == StatusCodes.Status200OK, reached);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://app.example.com", true)]
    [InlineData("https://app.example.com:443", true)]
    [InlineData("http://app.example.com", false)]
    [InlineData("http://localhost:5173", false)]
    [InlineData("http://127.0.0.1:3001", true)]
    [InlineData("http://127.0.0.1:3002", false)]
    [InlineData("null", false)]
    public async Task Serves_browsers_only_from_its_own_or_configured_origins(string? origin, bool allowed)
    {
        var guard = new LocalRequestGuard([], ["https://app.example.com"]);
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 3001);
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        context.Response.Body = new MemoryStream();
        var reached = false;

        await guard.InvokeAsync(context, _ =>
        {
            reached = true;
            return Task.CompletedTask;
        });

        Assert.Equal(allowed, reached);
    }
}
