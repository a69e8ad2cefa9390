using System.Text.Json;

namespace Connectors.Kubernetes.Build.Secrets;

/// <summary>
/// The configuration keys (never the values) that a JSON configuration file provides, flattened the
/// way Microsoft.Extensions.Configuration does (<c>Parameters:kube-prod-token</c>), case-insensitive.
/// Values are looked at only to tell "set" from "null"; they are not kept.
/// </summary>
internal sealed class ConfigurationKeySet
{
    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An empty set.</summary>
    public static ConfigurationKeySet Empty { get; } = new();

    /// <summary>Whether <paramref name="key"/> has a non-null value.</summary>
    public bool Contains(string key) => _keys.Contains(key);

    /// <summary>
    /// Reads the keys of a JSON configuration file (comments and trailing commas allowed, as the
    /// configuration JSON provider allows them).
    /// </summary>
    /// <exception cref="ConfigurationFileException">The file is not valid JSON; the message holds only the position.</exception>
    public static ConfigurationKeySet FromJsonFile(string path)
    {
        var set = new ConfigurationKeySet();
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, options);
            set.Add(string.Empty, document.RootElement);
        }
        catch (JsonException e)
        {
            // JsonException messages can quote the offending character, which may be part of a secret:
            // keep only the position.
            throw new ConfigurationFileException(path, (e.LineNumber ?? -1) + 1, (e.BytePositionInLine ?? -1) + 1);
        }

        return set;
    }

    private void Add(string prefix, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(Join(prefix, property.Name), property.Value);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var child in element.EnumerateArray())
                {
                    Add(Join(prefix, index.ToString(System.Globalization.CultureInfo.InvariantCulture)), child);
                    index++;
                }

                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                break;
            default:
                _keys.Add(prefix);
                break;
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + ":" + name;
}
