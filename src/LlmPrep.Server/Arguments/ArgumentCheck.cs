using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Arguments;

/// <summary>
/// Looks at each request's raw parameters before the SDK binds them, so malformed input gets a clear answer instead of
/// "An error occurred" or -32603: a tool argument problem becomes an isError tool result; a protocol parameter problem
/// (a completion reference, a resource URI, a prompt argument) becomes -32602. Both name the parameter, what was wrong and what to send.
/// </summary>
internal static class ArgumentCheck
{
    public static McpMessageFilter Filter => next => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest request && Check(context.Server, request) is { } reply)
        {
            await context.Server.SendMessageAsync(reply, cancellationToken);
            return;
        }

        await next(context, cancellationToken);
    };

    internal static JsonRpcMessage? Check(McpServer server, JsonRpcRequest request)
    {
        if (request.Params is not null and not JsonObject)
        {
            return InvalidParams(request, $"Invalid 'params' for {request.Method}: expected an object, got {JsonArgument.Describe(request.Params)}. Send an object, e.g. {{}}, or leave 'params' out.");
        }

        var parameters = request.Params as JsonObject;
        switch (request.Method)
        {
            case RequestMethods.ToolsCall:
                if (Text(parameters, "name", "tools/call", "the tool's name, e.g. \"search_notes\"") is { } badName)
                {
                    return InvalidParams(request, badName);
                }

                var name = parameters!["name"]!.GetValue<string>();
                if (server.ServerOptions.ToolCollection?.TryGetPrimitive(name, out var tool) == true &&
                    ToolArgumentRules.Problem(name, tool.ProtocolTool.InputSchema, parameters["arguments"]) is { } problem)
                {
                    var result = new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = problem }] };
                    return new JsonRpcResponse { Id = request.Id, Result = JsonSerializer.SerializeToNode(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))) };
                }

                return null;

            case RequestMethods.ResourcesRead or RequestMethods.ResourcesSubscribe or RequestMethods.ResourcesUnsubscribe:
                return Text(parameters, "uri", request.Method, "a resource URI, e.g. \"llmprep://outline\"") is { } badUri ? InvalidParams(request, badUri) : null;

            case RequestMethods.PromptsGet:
                return PromptProblem(parameters) is { } badPrompt ? InvalidParams(request, badPrompt) : null;

            case RequestMethods.CompletionComplete:
                return CompletionProblem(parameters) is { } badCompletion ? InvalidParams(request, badCompletion) : null;

            default:
                return null;
        }
    }

    private static string? PromptProblem(JsonObject? parameters)
    {
        if (Text(parameters, "name", "prompts/get", "the prompt's name, e.g. \"quiz_me\"") is { } badName)
        {
            return badName;
        }

        var arguments = parameters!["arguments"];
        if (arguments is null)
        {
            return null;
        }

        if (arguments is not JsonObject values)
        {
            return $"Invalid 'arguments' for prompts/get: expected an object of string values, got {JsonArgument.Describe(arguments)}. Send e.g. {{\"topic\": \"rag\"}}.";
        }

        foreach (var (key, value) in values)
        {
            if (JsonArgument.Kind(value) == JsonValueKind.Null)
            {
                continue;
            }

            if (!JsonArgument.IsText(value, out var problem))
            {
                return problem is not null
                    ? $"Invalid prompt argument '{key}': {problem}. Send valid text: remove or replace that character."
                    : $"Invalid prompt argument '{key}': prompt arguments are strings, got {JsonArgument.Describe(value)}. Send it as a string, e.g. \"{key}\": \"…\".";
            }
        }

        return null;
    }

    private static string? CompletionProblem(JsonObject? parameters)
    {
        const string Method = "completion/complete";
        if (parameters?["ref"] is not JsonObject reference)
        {
            return $"Invalid 'ref' for {Method}: expected an object, got {JsonArgument.Describe(parameters?["ref"])}. " +
                "Send {\"type\": \"ref/prompt\", \"name\": \"quiz_me\"} or {\"type\": \"ref/resource\", \"uri\": \"llmprep://notes/{+path}\"}.";
        }

        var type = reference["type"];
        if (!JsonArgument.IsText(type, out _) || type!.GetValue<string>() is not ("ref/prompt" or "ref/resource"))
        {
            return $"Invalid 'ref.type' for {Method}: expected \"ref/prompt\" or \"ref/resource\", got {JsonArgument.Describe(type)}. Send one of those two.";
        }

        var problem = type.GetValue<string>() == "ref/prompt"
            ? Text(reference, "name", Method, "the prompt's name, e.g. \"quiz_me\"", "ref.")
            : Text(reference, "uri", Method, "the resource template, \"llmprep://notes/{+path}\"", "ref.");
        if (problem is not null)
        {
            return problem;
        }

        if (parameters["argument"] is not JsonObject argument)
        {
            return $"Invalid 'argument' for {Method}: expected an object, got {JsonArgument.Describe(parameters["argument"])}. Send {{\"name\": \"topic\", \"value\": \"ra\"}}.";
        }

        return Text(argument, "name", Method, "the argument's name, e.g. \"topic\"", "argument.")
            ?? Text(argument, "value", Method, "the text typed so far, e.g. \"ra\" (\"\" for none)", "argument.")
            ?? ContextProblem(parameters["context"]);
    }

    private static string? ContextProblem(JsonNode? context)
    {
        if (context?["arguments"] is not JsonObject arguments)
        {
            return null;
        }

        foreach (var (key, value) in arguments)
        {
            if (JsonArgument.Kind(value) != JsonValueKind.Null && !JsonArgument.IsText(value, out _))
            {
                return $"Invalid 'context.arguments.{key}' for completion/complete: expected a string, got {JsonArgument.Describe(value)}. Send the argument's text.";
            }
        }

        return null;
    }

    /// <summary>A problem when <paramref name="name"/> is missing, not a string, or not valid Unicode; else null.</summary>
    private static string? Text(JsonObject? parent, string name, string method, string what, string prefix = "")
    {
        var value = parent?[name];
        if (JsonArgument.IsText(value, out var problem))
        {
            return null;
        }

        var label = $"'{prefix}{name}' for {method}";
        return problem is not null ? $"Invalid {label}: {problem}. Send valid text: remove or replace that character."
            : JsonArgument.Kind(value) == JsonValueKind.Null ? $"Missing {label}: it is required. Send {what}."
            : $"Invalid {label}: expected a string, got {JsonArgument.Describe(value)}. Send {what}.";
    }

    private static JsonRpcError InvalidParams(JsonRpcRequest request, string message) => new()
    {
        Id = request.Id,
        Error = new JsonRpcErrorDetail { Code = (int)McpErrorCode.InvalidParams, Message = message },
    };
}
