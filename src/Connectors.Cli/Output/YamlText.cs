using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectors.Kubernetes.Cli.Output;

/// <summary>
/// Writes a JSON tree as block-style YAML with the same shape. Strings that a YAML reader could take
/// for something else (numbers, booleans, null, text with ':' or '#', leading or trailing spaces) are
/// written double-quoted with JSON escapes, which YAML reads back as the same string.
/// </summary>
internal static class YamlText
{
    public static string Write(JsonNode? root)
    {
        var builder = new StringBuilder();
        WriteValue(builder, root, 0, afterKey: false);
        return builder.ToString();
    }

    private static void WriteValue(StringBuilder builder, JsonNode? node, int indent, bool afterKey)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                if (afterKey)
                {
                    builder.Append('\n');
                }

                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!(first && !afterKey && builder.Length > 0 && builder[^1] == ' '))
                    {
                        builder.Append(' ', indent);
                    }

                    first = false;
                    builder.Append(Scalar(key)).Append(':');
                    if (IsBlock(value))
                    {
                        WriteValue(builder, value, indent + 2, afterKey: true);
                    }
                    else
                    {
                        builder.Append(' ');
                        WriteValue(builder, value, indent + 2, afterKey: true);
                    }
                }

                break;
            case JsonArray array when array.Count > 0:
                if (afterKey)
                {
                    builder.Append('\n');
                }

                foreach (var item in array)
                {
                    builder.Append(' ', indent).Append("- ");
                    if (item is JsonArray nested && nested.Count > 0)
                    {
                        builder.Append('\n');
                        WriteValue(builder, item, indent + 2, afterKey: false);
                    }
                    else
                    {
                        WriteValue(builder, item, indent + 2, afterKey: false);
                    }
                }

                break;
            case JsonObject:
                builder.Append("{}\n");
                break;
            case JsonArray:
                builder.Append("[]\n");
                break;
            case null:
                builder.Append("null\n");
                break;
            default:
                builder.Append(ScalarValue(node.AsValue())).Append('\n');
                break;
        }
    }

    private static bool IsBlock(JsonNode? node) =>
        node is JsonObject { Count: > 0 } or JsonArray { Count: > 0 };

    private static string ScalarValue(JsonValue value) =>
        value.GetValueKind() switch
        {
            JsonValueKind.String => Scalar(value.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => "null",
        };

    private static string Scalar(string text) => IsPlainSafe(text) ? text : Quote(text);

    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        switch (text.ToUpperInvariant())
        {
            case "TRUE" or "FALSE" or "YES" or "NO" or "ON" or "OFF" or "Y" or "N" or "NULL" or "~":
                return false;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < ' ' || c > '~' || c is '#' or ':' or ',' or '[' or ']' or '{' or '}')
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string text) =>
        JsonSerializer.Serialize(text, YamlJsonContext.Default.String);
}
