namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// Kubeconfig files merged with kubectl's rules: the first file to define a cluster, user or context
/// name supplies the whole entry, and the first non-empty <c>current-context</c> wins. Names are
/// case-sensitive.
/// </summary>
public sealed class KubeconfigSet
{
    internal KubeconfigSet(IReadOnlyList<KubeconfigFile> files, IReadOnlyList<string> missingFiles)
    {
        Files = files;
        MissingFiles = missingFiles;
        var clusters = new Dictionary<string, KubeconfigCluster>(StringComparer.Ordinal);
        var users = new Dictionary<string, KubeconfigUser>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, KubeconfigContext>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (string.IsNullOrEmpty(CurrentContext) && !string.IsNullOrEmpty(file.CurrentContext))
            {
                CurrentContext = file.CurrentContext;
            }

            foreach (var cluster in file.Clusters)
            {
                clusters.TryAdd(cluster.Name, cluster);
            }

            foreach (var user in file.Users)
            {
                users.TryAdd(user.Name, user);
            }

            foreach (var context in file.Contexts)
            {
                contexts.TryAdd(context.Name, context);
            }
        }

        Clusters = clusters;
        Users = users;
        Contexts = contexts;
    }

    /// <summary>The files read, highest precedence first.</summary>
    public IReadOnlyList<KubeconfigFile> Files { get; }

    /// <summary>Files of the precedence list that do not exist (skipped, as kubectl does).</summary>
    public IReadOnlyList<string> MissingFiles { get; }

    /// <summary>The effective <c>current-context</c>, or null.</summary>
    public string? CurrentContext { get; }

    /// <summary>The merged clusters by name.</summary>
    public IReadOnlyDictionary<string, KubeconfigCluster> Clusters { get; }

    /// <summary>The merged users by name.</summary>
    public IReadOnlyDictionary<string, KubeconfigUser> Users { get; }

    /// <summary>The merged contexts by name.</summary>
    public IReadOnlyDictionary<string, KubeconfigContext> Contexts { get; }

    /// <summary>
    /// Resolves <paramref name="contextName"/> (the current context when null or empty) to its context,
    /// cluster and user.
    /// </summary>
    /// <exception cref="KubeconfigException">No context is selected (<c>KC1207</c>), or the context (<c>KC1204</c>), its cluster (<c>KC1205</c>) or its user (<c>KC1206</c>) does not exist.</exception>
    public KubeconfigSelection Select(string? contextName = null)
    {
        var name = string.IsNullOrEmpty(contextName) ? CurrentContext : contextName;
        if (string.IsNullOrEmpty(name))
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.KubeconfigNoCurrentContext,
                "No context was given and no kubeconfig file sets current-context. Pass a context name, or run 'kubectl config use-context NAME'." + Searched());
        }

        if (!Contexts.TryGetValue(name, out var context))
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.KubeconfigContextNotFound,
                "The context '" + name + "' does not exist." + Known("contexts", Contexts.Keys) + Searched());
        }

        var clusterName = context.Cluster ?? string.Empty;
        if (!Clusters.TryGetValue(clusterName, out var cluster))
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.KubeconfigClusterNotFound,
                "The context '" + name + "' names the cluster '" + clusterName + "', which no kubeconfig file defines." + Known("clusters", Clusters.Keys),
                context.Origin.FilePath,
                "context '" + name + "'",
                context.Origin.Line);
        }

        KubeconfigUser? user = null;
        if (!string.IsNullOrEmpty(context.User) && !Users.TryGetValue(context.User, out user))
        {
            throw new KubeconfigException(
                KubernetesErrorCodes.KubeconfigUserNotFound,
                "The context '" + name + "' names the user '" + context.User + "', which no kubeconfig file defines." + Known("users", Users.Keys),
                context.Origin.FilePath,
                "context '" + name + "'",
                context.Origin.Line);
        }

        return new KubeconfigSelection(context, cluster, user);
    }

    private static string Known(string what, IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).Take(20).ToList();
        return list.Count == 0 ? " There are no " + what + "." : " Known " + what + ": " + string.Join(", ", list) + (list.Count == 20 ? ", …" : string.Empty) + ".";
    }

    private string Searched() =>
        Files.Count == 0 ? " No kubeconfig file was found." : " Files read: " + string.Join(", ", Files.Select(f => f.Path)) + ".";
}
