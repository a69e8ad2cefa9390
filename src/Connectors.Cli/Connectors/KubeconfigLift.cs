using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Kubeconfig;

namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>
/// Reads kubeconfig contexts with the core's kubectl-rules loader, using the command's environment
/// (KUBECONFIG, HOME) rather than the process's, so tests and the tool see the same files.
/// </summary>
internal static class KubeconfigLift
{
    /// <summary>Loads the kubeconfig: the explicit file, else KUBECONFIG's list, else ~/.kube/config.</summary>
    public static KubeconfigSet Load(CliContext context, string? explicitPath) =>
        explicitPath is not null
            ? KubeconfigLoader.LoadExplicit(explicitPath)
            : KubeconfigLoader.Load(KubeconfigLoader.DefaultPaths(context.Environment("KUBECONFIG"), Home(context)));

    /// <summary>The file a login writes to, as kubectl picks it: the explicit file, else KUBECONFIG's first entry, else ~/.kube/config.</summary>
    public static string LoginTarget(CliContext context, string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return explicitPath;
        }

        var first = (context.Environment("KUBECONFIG") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        return first is not null ? context.ResolvePath(first) : Path.Combine(Home(context), ".kube", "config");
    }

    /// <summary>
    /// Selects a context and lifts it into a spec. Exec plugins run only when asked: registering
    /// links such a context instead of copying short-lived credentials.
    /// </summary>
    public static async Task<(KubernetesConnectorSpec Spec, KubeconfigSelection Selection)> LiftAsync(
        CliContext context, string name, string? kubeconfig, string? contextName, bool runExecPlugins, CancellationToken cancellationToken)
    {
        var selection = Load(context, kubeconfig).Select(contextName);
        var options = new KubernetesAutoConfigureOptions { RunExecPlugins = runExecPlugins, Validate = false, TimeProvider = context.Time };
        var spec = await KubernetesAutoConfigure.FromSelectionAsync(name, selection, options, cancellationToken).ConfigureAwait(false);
        return (spec, selection);
    }

    private static string Home(CliContext context) =>
        context.Environment("HOME") ?? context.Environment("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
