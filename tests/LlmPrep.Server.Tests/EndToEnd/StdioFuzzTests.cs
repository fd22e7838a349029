using System.Text;
using System.Text.Json;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>
/// Hundreds of malformed JSON-RPC messages on the built server's stdin: after each one it still answers a ping, every
/// line on stdout is a JSON-RPC message, every well-formed request gets its answer, and stdin's end lets it exit.
/// </summary>
public sealed class StdioFuzzTests : IDisposable
{
    private const int Messages = 300;

    /// <summary>Ids of fuzzed requests that a JSON-RPC server must answer start here; pings use their own range.</summary>
    private const long FirstAnsweredId = 100_000;

    private static readonly string[] ValidRequests =
    [
        """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":"hnsw"}}}""",
        """{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"uri":"llmprep://outline"}}""",
        """{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"quiz_me","arguments":{"topic":"rag"}}}""",
        """{"jsonrpc":"2.0","id":7,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"quiz_me"},"argument":{"name":"topic","value":"ra"}}}""",
        """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"quiz_next","arguments":{"topic":"retrieval"}}}""",
        """{"jsonrpc":"2.0","id":7,"method":"resources/list","params":{"cursor":"abc"}}""",
        """{"jsonrpc":"2.0","id":7,"method":"resources/templates/list"}""",
        """{"jsonrpc":"2.0","id":7,"method":"prompts/list"}""",
    ];

    /// <summary>JSON values of every wrong kind, spliced where something else belongs.</summary>
    private static readonly string[] Fragments =
    [
        "\"\\ud800\"", "\"a\\udc00b\"", "123", "-1", "1.5", "1e999", "null", "true", "[]", "{}", "\"\"", "[[[[[[[[[[]]]]]]]]]]",
        "\"llmprep://notes/../../etc/passwd\"", "{\"type\":\"ref/unknown\"}", "\"\\u0000\"", "9223372036854775808", "\"" + new string('x', 5000) + "\"",
        "[1,null,{}]", "{\"a\":{\"b\":[null]}}", "\"bogus\"", "\"\\ud83d\\ude00\"",
    ];

    private static readonly string[] WrongStrings = ["123", "true", "null", "{}", "[]", "\"\\ud800\"", "\"\\udfff tail\"", "\"\"", "\"   \"", "\"\\u0000\"", "-5"];
    private static readonly string[] WrongNumbers = ["\"x\"", "1.5", "-1", "0", "9223372036854775808", "1e308", "null", "\"\\ud800\"", "true", "[]", "{}"];
    private static readonly string[] WrongOthers = ["\"x\"", "1", "null", "\"\\ud800\"", "[1,\"a\",null]", "{\"index\":\"x\"}", "[{\"index\":1,\"status\":\"\\ud800\"}]"];

    private readonly string _data = Fixtures.NewDataDirectory();

    [Fact]
    public async Task Answers_a_ping_after_each_of_hundreds_of_malformed_messages_and_writes_only_json()
    {
        var random = new Random(20261205);
        await using var server = await StdioServer.StartAsync(_data);
        var tools = Tools(await server.RequestAsync(1, """{"jsonrpc":"2.0","id":1,"method":"tools/list"}"""));
        Assert.NotEmpty(tools);

        var mustAnswer = new List<(long Id, string Message)>();
        for (var i = 0; i < Messages; i++)
        {
            var answeredId = FirstAnsweredId + i;
            var (message, answered) = Malformed(random, i, answeredId, tools);
            if (answered)
            {
                mustAnswer.Add((answeredId, Encoding.UTF8.GetString(message)));
            }

            await server.SendAsync(message);
            var pingId = 10_000 + i;
            JsonElement pong;
            try
            {
                pong = await server.RequestAsync(pingId, $$"""{"jsonrpc":"2.0","id":{{pingId}},"method":"ping"}""");
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or InvalidDataException)
            {
                throw new InvalidOperationException($"after message {i} ({Shorten(Encoding.UTF8.GetString(message))}): {ex.Message}", ex);
            }

            Assert.True(pong.TryGetProperty("result", out _), $"ping after message {i} ({Shorten(Encoding.UTF8.GetString(message))}) got {pong}");
        }

        // stdin's end is held back only until every request has its answer; none may be left waiting.
        Assert.True(await server.EndInputAsync(), "the server did not exit after stdin ended: a request read from stdin was never answered");
        Assert.True(mustAnswer.Count >= Messages / 3, $"only {mustAnswer.Count} well-formed requests were sent");
        var unanswered = mustAnswer.Where(r => !server.Answered(Key(r.Id))).ToList();
        Assert.True(unanswered.Count == 0, "requests without an answer: " + string.Join(" | ", unanswered.Select(r => Shorten(r.Message))));

        // Bad input is the client's mistake, told as such: never an internal error.
        var internalErrors = mustAnswer.Where(r => server.Response(Key(r.Id)) is { } reply && reply.TryGetProperty("error", out var error) &&
            error.GetProperty("code").GetInt32() == -32603).Select(r => Shorten(r.Message) + " => " + server.Response(Key(r.Id))).ToList();
        Assert.True(internalErrors.Count == 0, "internal errors for bad input: " + string.Join(" | ", internalErrors));
        Assert.DoesNotContain("Unhandled exception", await server.StandardErrorAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_server_cannot_parse_does_not_hold_back_the_end_of_stdin()
    {
        // Lines whose id a reader finds but which are not valid JSON-RPC requests, piped in before stdin ends.
        const string Input = """
            {"jsonrpc":"1.0","id":1,"method":"ping"}
            {"jsonrpc":"2.0","id":2,"method":123}
            {"id":3,"method":"ping"}
            {"jsonrpc":"2.0","id":4,"method":"ping"} trailing
            {"jsonrpc":"2.0","id":5,"method":"ping"}{"jsonrpc":"2.0","id":6,"method":"ping"}
            {"jsonrpc":"2.0","id":7,"id":8,"method":"ping"}
            {"jsonrpc":"2.0","id":"\ud800","method":"ping"}
            {"jsonrpc":"2.0","id":9,"method":"\ud800"}
            {"jsonrpc":"2.0","id":10,"method":"ping"}

            """;
        await using var server = await StdioServer.StartAsync(_data);
        foreach (var line in Input.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await server.SendAsync(line);
        }

        Assert.True(await server.EndInputAsync(), "the server did not exit after stdin ended");
        Assert.True(server.Answered("10"));
        Assert.DoesNotContain("Unhandled exception", await server.StandardErrorAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Params_that_are_not_an_object_are_refused_as_invalid_params_naming_what_came()
    {
        (string Method, string Params, string Described)[] cases =
        [
            ("resources/list", "\"\"", "the string \"\""),
            ("prompts/list", "1e999", "the number 1e999"),
            ("tools/list", "[1]", "an array"),
            ("ping", "true", "the boolean true"),
        ];
        await using var server = await StdioServer.StartAsync(_data);

        for (var i = 0; i < cases.Length; i++)
        {
            var (method, parameters, described) = cases[i];
            var reply = await server.RequestAsync(2 + i, Request(Key(2 + i), $"\"{method}\"", parameters));

            var error = reply.GetProperty("error");
            Assert.Equal(-32602, error.GetProperty("code").GetInt32());
            Assert.Equal($"Invalid 'params' for {method}: expected an object, got {described}. Send an object, e.g. {{}}, or leave 'params' out.", error.GetProperty("message").GetString());
        }
    }

    /// <summary>Each tool's name, its arguments' JSON types and the required ones, from <c>tools/list</c>.</summary>
    private static List<Tool> Tools(JsonElement reply) =>
        reply.GetProperty("result").GetProperty("tools").EnumerateArray().Select(tool =>
        {
            var schema = tool.GetProperty("inputSchema");
            var properties = schema.TryGetProperty("properties", out var p)
                ? p.EnumerateObject().Select(property => (property.Name, Type: TypeOf(property.Value))).ToList()
                : [];
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            return new Tool(tool.GetProperty("name").GetString()!, properties, required);
        }).ToList();

    private static string TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return "string";
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).First(t => t != "null")!
            : type.GetString()!;
    }

    /// <summary>One broken message, and whether it is a well-formed request (id <paramref name="answeredId"/>) that must be answered.</summary>
    private static (byte[] Message, bool Answered) Malformed(Random random, int i, long answeredId, List<Tool> tools)
    {
        var valid = ValidRequests[random.Next(ValidRequests.Length)];
        var id = answeredId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var withId = valid.Replace("\"id\":7", "\"id\":" + id, StringComparison.Ordinal);
        string Pick(string[] values) => values[random.Next(values.Length)];
        switch (i % 12)
        {
            case 0: // broken JSON: cut short
                return (Utf8(valid[..random.Next(1, valid.Length)]), false);
            case 1: // broken JSON: characters replaced
                var chars = valid.ToCharArray();
                for (var k = 0; k < 3; k++)
                {
                    chars[random.Next(chars.Length)] = "{}[]\":,\\x0 "[random.Next(11)];
                }

                return (Utf8(new string(chars)), false);
            case 2: // wrong types for the envelope's members
                return random.Next(4) switch
                {
                    0 => (Utf8(valid.Replace("\"2.0\"", Pick(Fragments), StringComparison.Ordinal)), false),
                    1 => (Utf8(valid.Replace("\"id\":7", "\"id\":" + Pick(Fragments), StringComparison.Ordinal)), false),
                    2 => (Utf8(Request(id, Pick(Fragments))), false),
                    _ => (Utf8(Request(id, $"\"{Method(valid)}\"", Pick(Fragments))), true),
                };
            case 3: // huge strings
                var huge = new string((char)('a' + random.Next(26)), random.Next(20_000, 100_000));
                return random.Next(3) switch
                {
                    0 => (Utf8(Request(id, "\"tools/call\"", "{\"name\":\"search_notes\",\"arguments\":{\"query\":\"" + huge + "\"}}")), true),
                    1 => (Utf8($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{huge}}"}"""), true),
                    _ => (Utf8("\"" + huge), false),
                };
            case 4: // lone surrogates and invalid UTF-8
                if (random.Next(2) == 0)
                {
                    var bytes = Utf8(withId);
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);
                    return (bytes, false);
                }

                return (Utf8(withId.Replace("\"hnsw\"", "\"\\ud800\"", StringComparison.Ordinal).Replace("\"rag\"", "\"x\\udc01\"", StringComparison.Ordinal)
                    .Replace("\"llmprep://outline\"", "\"llmprep://\\ud834\"", StringComparison.Ordinal).Replace("\"ra\"", "\"\\ud800\\ud800\"", StringComparison.Ordinal)), true);
            case 5: // unknown methods, with and without an id
                var method = Pick(["tools/explode", "", "rpc.discover", "notifications/unknown", "resources/unsubscribe", "sampling/createMessage", "\\u0000"]);
                return random.Next(2) == 0
                    ? (Utf8($$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"{{{method}}}","params":{}}"""), true)
                    : (Utf8($$$"""{"jsonrpc":"2.0","method":"{{{method}}}","params":{"x":1}}"""), false);
            case 6: // missing or null ids, responses nobody asked for
                return random.Next(3) switch
                {
                    0 => (Utf8(valid.Replace("\"id\":7,", "", StringComparison.Ordinal)), false),
                    1 => (Utf8(valid.Replace("\"id\":7", "\"id\":null", StringComparison.Ordinal)), false),
                    _ => (Utf8($$$"""{"jsonrpc":"2.0","id":{{{random.Next(1, 1000)}}},"result":{"content":[]}}"""), false),
                };
            case 7: // batch arrays
                return (Utf8(random.Next(3) switch
                {
                    0 => "[" + valid + "," + valid + "]",
                    1 => "[]",
                    _ => "[" + Pick(Fragments) + ",{\"jsonrpc\":\"2.0\",\"method\":\"ping\"}]",
                }), false);
            case 8: // nulls where objects belong
                var which = random.Next(4);
                return (Utf8(which switch
                {
                    0 => "null",
                    1 => $$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"tools/call","params":{"name":null,"arguments":null}}""",
                    2 => $$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"resources/read","params":{"uri":null}}""",
                    _ => $$"""{"jsonrpc":"2.0","id":{{id}},"method":"prompts/get","params":null}""",
                }), which != 0);
            case 9: // deep nesting, bounded
                var depth = random.Next(10, 400);
                var nested = random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                return (Utf8(Request(id, "\"tools/call\"", "{\"name\":\"search_notes\",\"arguments\":{\"query\":" + nested + "}}")), depth < 40);
            default: // a real tool with arguments of the wrong type, missing or unknown
                var tool = tools[random.Next(tools.Count)];
                return (Utf8(Request(id, "\"tools/call\"", "{\"name\":\"" + tool.Name + "\",\"arguments\":" + WrongArguments(random, tool) + "}")), true);
        }
    }

    private static string WrongArguments(Random random, Tool tool)
    {
        string Pick(string[] values) => values[random.Next(values.Length)];
        switch (random.Next(5))
        {
            case 0:
                return Pick(["null", "\"query\"", "[]", "42", "[{\"card_id\":1}]"]);
            case 1: // a required argument left out
                return "{" + string.Join(",", tool.Properties.Where(p => !tool.Required.Contains(p.Name) || random.Next(2) == 0).Skip(1).Select(p => $"\"{p.Name}\":{Plausible(p.Type)}")) + "}";
            case 2: // an argument nobody declared
                return "{" + string.Join(",", tool.Properties.Select(p => $"\"{p.Name}\":{Plausible(p.Type)}").Append("\"zzz_unknown\":" + Pick(Fragments))) + "}";
            default: // one argument of the wrong type
                if (tool.Properties.Count == 0)
                {
                    return "{\"x\":" + Pick(Fragments) + "}";
                }

                var wrong = random.Next(tool.Properties.Count);
                return "{" + string.Join(",", tool.Properties.Select((p, k) => $"\"{p.Name}\":" + (k == wrong ? Pick(p.Type switch
                {
                    "string" => WrongStrings,
                    "integer" or "number" => WrongNumbers,
                    _ => WrongOthers,
                }) : Plausible(p.Type)))) + "}";
        }
    }

    private static string Plausible(string type) => type switch
    {
        "string" => "\"rag\"",
        "integer" => "3",
        "number" => "0.5",
        "boolean" => "true",
        "array" => "[]",
        _ => "{}",
    };

    /// <summary>A JSON-RPC request from raw JSON texts for its method and (optional) params.</summary>
    private static string Request(string id, string method, string? parameters = null) =>
        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + method + (parameters is null ? "" : ",\"params\":" + parameters) + "}";

    private static string Method(string request) => JsonDocument.Parse(request).RootElement.GetProperty("method").GetString()!;

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + $"… ({text.Length} chars)" : text;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record Tool(string Name, List<(string Name, string Type)> Properties, HashSet<string> Required);
}
