using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace LlmPrep.Server.Tests.Support;

/// <summary>JSON type info for plain values a test client sends back.</summary>
internal static class McpJsonTypes
{
    public static JsonTypeInfo Bool => McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(bool));

    public static JsonTypeInfo String => McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(string));
}
