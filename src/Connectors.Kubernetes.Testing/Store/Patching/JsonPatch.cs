using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Api;

namespace Connectors.Kubernetes.Testing.Store.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy and test over JSON pointers.</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiException.BadRequest("a JSON patch must be an array of operations");
        }

        JsonNode document = target.DeepClone();
        foreach (var operation in operations)
        {
            var op = JsonTree.String(operation, "op") ?? throw ApiException.BadRequest("a JSON patch operation is missing \"op\"");
            var path = JsonTree.String(operation, "path") ?? throw ApiException.BadRequest($"the JSON patch operation \"{op}\" is missing \"path\"");
            var value = operation?["value"];
            switch (op)
            {
                case "add":
                    document = Add(document, path, value?.DeepClone());
                    break;
                case "remove":
                    Remove(document, path);
                    break;
                case "replace":
                    Remove(document, path);
                    document = Add(document, path, value?.DeepClone());
                    break;
                case "move":
                    {
                        var from = JsonTree.String(operation, "from") ?? throw ApiException.BadRequest("the JSON patch operation \"move\" is missing \"from\"");
                        var moved = Read(document, from)?.DeepClone();
                        Remove(document, from);
                        document = Add(document, path, moved);
                        break;
                    }

                case "copy":
                    {
                        var from = JsonTree.String(operation, "from") ?? throw ApiException.BadRequest("the JSON patch operation \"copy\" is missing \"from\"");
                        document = Add(document, path, Read(document, from)?.DeepClone());
                        break;
                    }

                case "test":
                    if (!JsonNode.DeepEquals(Read(document, path), value))
                    {
                        throw new ApiException(422, "Invalid", $"the JSON patch test operation failed: the value at \"{path}\" is not the expected one");
                    }

                    break;
                default:
                    throw ApiException.BadRequest($"unknown JSON patch operation \"{op}\"");
            }
        }

        return document as JsonObject ?? throw ApiException.BadRequest("the JSON patch did not produce an object");
    }

    private static string[] Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw ApiException.BadRequest($"invalid JSON pointer \"{pointer}\": it must start with '/'");
        }

        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }

    private static JsonNode? Read(JsonNode document, string pointer)
    {
        JsonNode? current = document;
        foreach (var token in Tokens(pointer))
        {
            current = current switch
            {
                JsonObject obj when obj.ContainsKey(token) => obj[token],
                JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => throw Missing(pointer),
            };
        }

        return current;
    }

    private static JsonNode Add(JsonNode document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            return value ?? throw ApiException.BadRequest("cannot replace the whole document with null");
        }

        var parent = tokens.Length == 1 ? document : Read(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));

        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= array.Count:
                array.Insert(i, value);
                break;
            default:
                throw Missing(pointer);
        }

        return document;
    }

    private static void Remove(JsonNode document, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            throw ApiException.BadRequest("cannot remove the whole document");
        }

        var parent = tokens.Length == 1 ? document : Read(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj.Remove(last);
                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count:
                array.RemoveAt(i);
                break;
            default:
                throw Missing(pointer);
        }
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static ApiException Missing(string pointer)
        => new(422, "Invalid", $"the JSON patch path \"{pointer}\" does not exist in the object");
}
