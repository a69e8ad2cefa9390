using Connectors.Kubernetes.Kubeconfig;

namespace Connectors.Kubernetes.Login;

/// <summary>
/// Configures the local kubectl with a connector (ZenML's "login") and takes it out again. The
/// cluster, user and context entries are merged into the kubeconfig kubectl would write to, under
/// kubectl's lock file, with an atomic replace that keeps every unrelated entry and field. No secret
/// ever goes on a command line: the file is written directly, owner-only when new.
/// </summary>
public static class KubeconfigLogin
{
    private const string Clusters = "clusters";
    private const string Users = "users";
    private const string Contexts = "contexts";

    /// <summary>Writes (or overwrites) the connector's cluster, user and context entries.</summary>
    /// <param name="spec">The connector (validated by the caller).</param>
    /// <param name="options">Target file, entry name, current context and namespace.</param>
    /// <param name="cancellationToken">Stops waiting for the lock.</param>
    /// <returns>What was written where.</returns>
    /// <exception cref="KubernetesConnectorException">The lock is held (KC1350), the file cannot be merged (KC1351) or written (KC1352), or the name is unusable (KC1353).</exception>
    public static async Task<KubeconfigLoginResult> LoginAsync(KubernetesConnectorSpec spec, KubeconfigLoginOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new KubeconfigLoginOptions();
        var name = EntryName(spec, options);
        var path = KubeconfigTarget.Resolve(options.KubeconfigPath);
        var cluster = KubeconfigEntries.Cluster(spec);
        var user = KubeconfigEntries.User(spec);
        var context = KubeconfigEntries.Context(name, options.Namespace ?? spec.Namespace);
        var (_, created) = await KubeconfigFileWriter.UpdateAsync(path, document =>
        {
            document.SetEntry(Clusters, "cluster", name, cluster);
            document.SetEntry(Users, "user", name, user);
            document.SetEntry(Contexts, "context", name, context);
            if (options.SetCurrentContext)
            {
                document.CurrentContext = name;
            }

            return (true, true);
        }, options.LockWait, cancellationToken).ConfigureAwait(false);
        return new KubeconfigLoginResult(path, name, options.SetCurrentContext, created);
    }

    /// <summary>Removes the entries a login of this connector wrote, and clears <c>current-context</c> when it pointed at them.</summary>
    /// <param name="spec">The connector.</param>
    /// <param name="options">Target file and entry name, as given to the login.</param>
    /// <param name="cancellationToken">Stops waiting for the lock.</param>
    /// <returns>What was removed; a missing file or entry is not an error.</returns>
    public static async Task<KubeconfigLoginResult> LogoutAsync(KubernetesConnectorSpec spec, KubeconfigLoginOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new KubeconfigLoginOptions();
        var name = EntryName(spec, options);
        var path = KubeconfigTarget.Resolve(options.KubeconfigPath);
        if (!File.Exists(path))
        {
            return new KubeconfigLoginResult(path, name, CurrentContextChanged: false, FileCreated: false);
        }

        var ((removed, cleared), _) = await KubeconfigFileWriter.UpdateAsync(path, document =>
        {
            var count = (document.RemoveEntry(Contexts, name) ? 1 : 0)
                + (document.RemoveEntry(Users, name) ? 1 : 0)
                + (document.RemoveEntry(Clusters, name) ? 1 : 0);
            var wasCurrent = string.Equals(document.CurrentContext, name, StringComparison.Ordinal);
            if (wasCurrent)
            {
                document.CurrentContext = null;
            }

            return ((count, wasCurrent), count > 0 || wasCurrent);
        }, options.LockWait, cancellationToken).ConfigureAwait(false);
        return new KubeconfigLoginResult(path, name, cleared, FileCreated: false, removed);
    }

    private static string EntryName(KubernetesConnectorSpec spec, KubeconfigLoginOptions options)
    {
        var name = string.IsNullOrWhiteSpace(options.ContextName) ? spec.EffectiveClusterName : options.ContextName.Trim();
        if (name.Length == 0 || name.Any(char.IsControl))
        {
            throw new KubernetesConnectorException(
                KubeconfigWriteErrorCodes.InvalidEntryName,
                $"connector '{spec.Name}' gives no usable kubeconfig entry name ('{name}'). Set a ClusterName on the connector or pass a context name.");
        }

        return name;
    }
}
