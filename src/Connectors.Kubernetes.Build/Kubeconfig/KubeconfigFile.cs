using System.Text.Json;

namespace Connectors.Kubernetes.Build.Kubeconfig;

/// <summary>
/// What the build needs from one kubeconfig file: its current context, its contexts (name → user)
/// and its users (name → the credential fields whose expiry can be known without running anything).
/// Credential values stay inside this type and are only used to compute an expiry.
/// </summary>
internal sealed class KubeconfigFile
{
    private KubeconfigFile(string path, string? currentContext, IReadOnlyDictionary<string, string?> contextUsers, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> users)
    {
        Path = path;
        CurrentContext = currentContext;
        ContextUsers = contextUsers;
        Users = users;
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>The file's <c>current-context</c>, or null when unset or empty.</summary>
    public string? CurrentContext { get; }

    /// <summary>Each context name with the user it names (first entry of a name wins, as in kubectl).</summary>
    public IReadOnlyDictionary<string, string?> ContextUsers { get; }

    /// <summary>Each user name with its <c>user</c> mapping (first entry of a name wins).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Users { get; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The file is neither JSON nor YAML this reader understands (message holds the line only).</exception>
    public static KubeconfigFile Load(string path)
    {
        var text = File.ReadAllText(path);
        var root = text.TrimStart().StartsWith('{') ? ParseJson(text) : MiniYamlReader.Parse(text);
        var map = root as Dictionary<string, object?>;
        if (root is not null && map is null)
        {
            throw new FormatException("the file is not a kubeconfig mapping");
        }

        var contextUsers = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in Entries(map, "contexts"))
        {
            if (entry.Name is not null && !contextUsers.ContainsKey(entry.Name))
            {
                contextUsers[entry.Name] = (entry.Body?.GetValueOrDefault("context") as Dictionary<string, object?>)?.GetValueOrDefault("user") as string;
            }
        }

        var users = new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var entry in Entries(map, "users"))
        {
            if (entry.Name is not null && !users.ContainsKey(entry.Name))
            {
                users[entry.Name] = entry.Body?.GetValueOrDefault("user") as Dictionary<string, object?> ?? new Dictionary<string, object?>();
            }
        }

        var current = map?.GetValueOrDefault("current-context") as string;
        return new KubeconfigFile(System.IO.Path.GetFullPath(path), string.IsNullOrEmpty(current) ? null : current, contextUsers, users);
    }

    private static IEnumerable<(string? Name, Dictionary<string, object?>? Body)> Entries(Dictionary<string, object?>? map, string listName)
    {
        if (map?.GetValueOrDefault(listName) is not List<object?> list)
        {
            yield break;
        }

        foreach (var element in list)
        {
            if (element is Dictionary<string, object?> body)
            {
                yield return (body.GetValueOrDefault("name") as string, body);
            }
        }
    }

    private static object? ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return Convert(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException("invalid JSON at line " + ((e.LineNumber ?? -1) + 1), e);
        }
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Convert(g.First().Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };
}
