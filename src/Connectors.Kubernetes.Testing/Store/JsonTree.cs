using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectors.Kubernetes.Testing.Store;

/// <summary>Small helpers for reading and shaping the JSON objects the store keeps.</summary>
internal static class JsonTree
{
    public static JsonObject Metadata(JsonObject obj) => Child(obj, "metadata");

    /// <summary>The named child object, created when absent or not an object.</summary>
    public static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    public static string? String(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var current = Walk(node, path);
        return current is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    public static long? Integer(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var current = Walk(node, path);
        if (current is JsonValue value)
        {
            if (value.TryGetValue<long>(out var number))
            {
                return number;
            }

            if (value.TryGetValue<int>(out var small))
            {
                return small;
            }

            if (value.TryGetValue<double>(out var real) && real == Math.Floor(real))
            {
                return (long)real;
            }

            if (value.GetValueKind() == JsonValueKind.Number && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        return null;
    }

    public static JsonNode? Walk(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var current = node;
        foreach (var step in path)
        {
            current = current is JsonObject obj ? obj[step] : null;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The object's labels as a dictionary (empty when it has none).</summary>
    public static Dictionary<string, string> Labels(JsonObject obj, params ReadOnlySpan<string> pathToLabels)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = pathToLabels.Length == 0 ? Walk(obj, "metadata", "labels") : Walk(obj, pathToLabels);
        if (node is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    labels[key] = text;
                }
            }
        }

        return labels;
    }

    public static bool DeepEquals(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    public static string Timestamp(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(string? text)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;

    /// <summary>Parses a request body that must be a JSON object.</summary>
    public static JsonObject ParseObject(ReadOnlySpan<byte> body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Api.ApiException.BadRequest("the request body is not valid JSON: " + ex.Message);
        }

        return node as JsonObject ?? throw Api.ApiException.BadRequest("the request body must be a JSON object");
    }
}
