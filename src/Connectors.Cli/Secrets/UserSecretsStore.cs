using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli.Secrets;

/// <summary>
/// The project's user secrets (the file <c>dotnet user-secrets</c> manages and the app host reads in
/// Development). Values are read and written by flat configuration key (<c>Parameters:kube-prod-token</c>);
/// every other entry in the file — flat or nested — is kept. Writes are atomic and, on Unix, the file
/// is created readable by its owner only.
/// </summary>
internal sealed class UserSecretsStore
{
    /// <summary>Overrides the folder that holds the per-project secret folders (tests; never needed in normal use).</summary>
    public const string RootVariable = "CONNECTORS_USER_SECRETS_ROOT";

    private static readonly JsonSerializerOptions s_write = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;

    private UserSecretsStore(string path, JsonObject root)
    {
        FilePath = path;
        _root = root;
    }

    /// <summary>Full path of the secrets.json file.</summary>
    public string FilePath { get; }

    /// <summary>The folder user secrets live in: the override, else the platform's standard place.</summary>
    public static string RootFolder(Func<string, string?> environment)
    {
        var overridden = environment(RootVariable);
        if (!string.IsNullOrEmpty(overridden))
        {
            return overridden;
        }

        var appData = environment("APPDATA");
        if (!string.IsNullOrEmpty(appData))
        {
            return Path.Combine(appData, "Microsoft", "UserSecrets");
        }

        var home = environment("HOME");
        if (!string.IsNullOrEmpty(home))
        {
            return Path.Combine(home, ".microsoft", "usersecrets");
        }

        var fallback = environment("DOTNET_USER_SECRETS_FALLBACK_DIR");
        if (!string.IsNullOrEmpty(fallback))
        {
            return fallback;
        }

        throw new CliException(
            CliDiagnostics.FileWriteFailed,
            "The user secrets folder cannot be determined: neither APPDATA nor HOME is set.",
            "Set HOME (or DOTNET_USER_SECRETS_FALLBACK_DIR) and run the command again.");
    }

    /// <summary>Opens the secrets of <paramref name="userSecretsId"/> (an absent file reads as empty).</summary>
    public static UserSecretsStore Open(Func<string, string?> environment, string userSecretsId)
    {
        if (userSecretsId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || userSecretsId is "." or "..")
        {
            throw new CliException(
                CliDiagnostics.UserSecretsUnreadable,
                $"The project's UserSecretsId '{userSecretsId}' is not a valid folder name.",
                "Set <UserSecretsId> to a GUID (dotnet user-secrets init does).");
        }

        var path = Path.Combine(RootFolder(environment), userSecretsId, "secrets.json");
        if (!File.Exists(path))
        {
            return new UserSecretsStore(path, []);
        }

        try
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            var node = string.IsNullOrWhiteSpace(text)
                ? new JsonObject()
                : JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return node is JsonObject root
                ? new UserSecretsStore(path, root)
                : throw new CliException(CliDiagnostics.UserSecretsUnreadable, $"{path}: the user secrets file does not hold a JSON object.", "Fix or remove the file (dotnet user-secrets list shows the same problem).");
        }
        catch (JsonException ex)
        {
            // The parser's message quotes no content, only the position.
            throw new CliException(
                CliDiagnostics.UserSecretsUnreadable,
                $"{path}: the user secrets file is not valid JSON (line {ex.LineNumber + 1}).",
                "Fix or remove the file (dotnet user-secrets list shows the same problem).",
                ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliDiagnostics.UserSecretsUnreadable, $"{path}: the user secrets file cannot be read ({ex.Message}).", "Check the file's permissions.", ex);
        }
    }

    /// <summary>Returns the value of a flat configuration key (nested objects are searched too), or null.</summary>
    public string? Get(string key)
    {
        foreach (var (name, node) in _root)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                return text;
            }
        }

        return Nested(key, create: false) is { } nested && nested.Parent[nested.Leaf] is JsonValue leaf && leaf.TryGetValue<string>(out var nestedText)
            ? nestedText
            : null;
    }

    /// <summary>Sets a value: where the key already lives (flat or nested), else as a flat key.</summary>
    public void Set(string key, string value)
    {
        foreach (var (name, _) in _root)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                _root[name] = value;
                return;
            }
        }

        if (Nested(key, create: false) is { } nested && nested.Parent.ContainsKey(nested.Leaf))
        {
            nested.Parent[nested.Leaf] = value;
            return;
        }

        _root[key] = value;
    }

    /// <summary>Removes a key in both its flat and nested forms. Returns whether anything was removed.</summary>
    public bool Remove(string key)
    {
        var removed = false;
        foreach (var name in _root.Select(pair => pair.Key).Where(name => string.Equals(name, key, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            removed |= _root.Remove(name);
        }

        if (Nested(key, create: false) is { } nested)
        {
            removed |= nested.Parent.Remove(nested.Leaf);
        }

        return removed;
    }

    /// <summary>Writes the file (temporary file, then rename), creating its folder when needed.</summary>
    public void Save()
    {
        var folder = Path.GetDirectoryName(FilePath)!;
        var temporary = FilePath + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            if (!Directory.Exists(folder))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(folder);
                }
                else
                {
                    Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = File.Exists(FilePath) ? File.GetUnixFileMode(FilePath) : UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(_root.ToJsonString(s_write)));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
            }

            throw new CliException(CliDiagnostics.FileWriteFailed, $"{FilePath}: the user secrets file cannot be written ({ex.Message}).", "Check the folder's permissions.", ex);
        }
    }

    /// <summary>Finds the object that would hold <paramref name="key"/> in nested form ("A:B:C" → A.B, leaf C).</summary>
    private (JsonObject Parent, string Leaf)? Nested(string key, bool create)
    {
        var parts = key.Split(':');
        if (parts.Length < 2)
        {
            return null;
        }

        var current = _root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            JsonObject? next = null;
            foreach (var (name, node) in current)
            {
                if (string.Equals(name, parts[i], StringComparison.OrdinalIgnoreCase) && node is JsonObject obj)
                {
                    next = obj;
                    break;
                }
            }

            if (next is null)
            {
                if (!create)
                {
                    return null;
                }

                next = [];
                current[parts[i]] = next;
            }

            current = next;
        }

        var leaf = current.Select(pair => pair.Key).FirstOrDefault(name => string.Equals(name, parts[^1], StringComparison.OrdinalIgnoreCase)) ?? parts[^1];
        return (current, leaf);
    }
}
