using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Hosting;

/// <summary>Finds the id of a JSON-RPC message that cannot be read as a whole, so that it can still be answered.</summary>
internal static class RequestIds
{
    /// <summary>The top-level string or integer <c>id</c> of <paramref name="line"/>, or null when there is none.</summary>
    public static RequestId? Find(ReadOnlySpan<byte> line)
    {
        try
        {
            // Any depth: a params value nested too deeply to read must not hide the id.
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = int.MaxValue });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isId)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.String => new RequestId(reader.GetString()!),
                        JsonTokenType.Number when reader.TryGetInt64(out var number) => new RequestId(number),
                        _ => null,
                    };
                }

                reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Too malformed to find an id in: nothing to answer.
        }

        return null;
    }
}
