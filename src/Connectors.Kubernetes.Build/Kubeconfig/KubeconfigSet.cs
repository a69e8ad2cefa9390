namespace Connectors.Kubernetes.Build.Kubeconfig;

/// <summary>
/// Kubeconfig files merged with kubectl's rules, for the little the build asks: the first non-empty
/// current-context wins, and the first file that defines a context or user name wins that whole entry.
/// </summary>
internal sealed class KubeconfigSet
{
    private readonly IReadOnlyList<KubeconfigFile> _files;

    /// <summary>Merges <paramref name="files"/>, in precedence order.</summary>
    public KubeconfigSet(IReadOnlyList<KubeconfigFile> files) => _files = files;

    /// <summary>The files, in precedence order.</summary>
    public IReadOnlyList<KubeconfigFile> Files => _files;

    /// <summary>The effective current context, or null.</summary>
    public string? CurrentContext => _files.Select(f => f.CurrentContext).FirstOrDefault(c => c is not null);

    /// <summary>Every context name, sorted ordinally.</summary>
    public IReadOnlyList<string> ContextNames =>
        _files.SelectMany(f => f.ContextUsers.Keys).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Whether any file defines <paramref name="context"/>.</summary>
    public bool HasContext(string context) => _files.Any(f => f.ContextUsers.ContainsKey(context));

    /// <summary>
    /// The user entry <paramref name="context"/> names, with the file that defined it, or null when the
    /// context is unknown, names no user, or names a user no file defines.
    /// </summary>
    public (string Name, IReadOnlyDictionary<string, object?> User, KubeconfigFile File)? UserOf(string context)
    {
        var owner = _files.FirstOrDefault(f => f.ContextUsers.ContainsKey(context));
        var userName = owner?.ContextUsers[context];
        if (userName is null)
        {
            return null;
        }

        var userFile = _files.FirstOrDefault(f => f.Users.ContainsKey(userName));
        return userFile is null ? null : (userName, userFile.Users[userName], userFile);
    }
}
