namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// Finds and reads kubeconfig files with kubectl's rules: an explicit file must exist; otherwise the
/// <c>KUBECONFIG</c> list (split by the OS path separator, empty entries and duplicates dropped, missing
/// files skipped) or <c>~/.kube/config</c>. Every file that exists must parse.
/// </summary>
public static class KubeconfigLoader
{
    /// <summary>The environment variable holding the kubeconfig list.</summary>
    public const string EnvironmentVariable = "KUBECONFIG";

    /// <summary>
    /// The precedence list kubectl would use: <paramref name="kubeconfigVariable"/> (by default the value of
    /// <c>KUBECONFIG</c>) split and de-duplicated, or <c>~/.kube/config</c> when it is empty.
    /// </summary>
    public static IReadOnlyList<string> DefaultPaths(string? kubeconfigVariable = null, string? homeDirectory = null)
    {
        kubeconfigVariable ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        var paths = new List<string>();
        foreach (var entry in (kubeconfigVariable ?? string.Empty).Split(Path.PathSeparator))
        {
            if (entry.Length != 0 && !paths.Contains(entry, StringComparer.Ordinal))
            {
                paths.Add(entry);
            }
        }

        if (paths.Count == 0)
        {
            homeDirectory ??= Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            paths.Add(Path.Combine(homeDirectory, ".kube", "config"));
        }

        return paths;
    }

    /// <summary>Reads the files kubectl would read by default (see <see cref="DefaultPaths"/>).</summary>
    public static KubeconfigSet LoadDefault() => Load(DefaultPaths());

    /// <summary>Reads <paramref name="explicitPath"/> when given (it must exist), else the default files.</summary>
    /// <exception cref="KubeconfigException">The explicit file does not exist (<c>KC1200</c>) or a file is invalid.</exception>
    public static KubeconfigSet Load(string? explicitPath) => string.IsNullOrEmpty(explicitPath) ? LoadDefault() : LoadExplicit(explicitPath);

    /// <summary>Reads exactly one file, which must exist (kubectl's <c>--kubeconfig</c>).</summary>
    /// <exception cref="KubeconfigException">The file does not exist (<c>KC1200</c>) or is invalid.</exception>
    public static KubeconfigSet LoadExplicit(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new KubeconfigException(KubernetesErrorCodes.KubeconfigNotFound, "The kubeconfig file does not exist. Fix the path.", full);
        }

        return new KubeconfigSet([ReadFile(full)], []);
    }

    /// <summary>Reads a precedence list: the first file has the highest precedence; missing files are skipped.</summary>
    /// <exception cref="KubeconfigException">A file that exists cannot be read or parsed.</exception>
    public static KubeconfigSet Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<KubeconfigFile>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (string.IsNullOrEmpty(path) || !seen.Add(path))
            {
                continue;
            }

            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                missing.Add(full);
                continue;
            }

            files.Add(ReadFile(full));
        }

        return new KubeconfigSet(files, missing);
    }

    /// <summary>Parses YAML text as if read from <paramref name="path"/> (relative paths resolve against its directory).</summary>
    /// <exception cref="KubeconfigException">The text is not a valid kubeconfig.</exception>
    public static KubeconfigFile Parse(string yaml, string path)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(path);
        return KubeconfigParser.Parse(yaml, Path.GetFullPath(path));
    }

    /// <summary>Reads and parses one file.</summary>
    /// <exception cref="KubeconfigException">The file cannot be read or is not a valid kubeconfig.</exception>
    public static KubeconfigFile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (FileNotFoundException e)
        {
            throw new KubeconfigException(KubernetesErrorCodes.KubeconfigNotFound, "The kubeconfig file does not exist. Fix the path.", full, innerException: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeconfigException(KubernetesErrorCodes.KubeconfigFileUnreadable, "The kubeconfig file cannot be read: " + e.Message, full, innerException: e);
        }

        return KubeconfigParser.Parse(text, full);
    }
}
