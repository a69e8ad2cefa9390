namespace Connectors.Kubernetes.Build.Kubeconfig;

/// <summary>
/// Which kubeconfig files an auto-configure connector reads, by kubectl's rules: the item's
/// <c>Kubeconfig</c> path, else every entry of <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.
/// The build targets compute the same list for the incremental check.
/// </summary>
internal static class KubeconfigLocations
{
    /// <summary>The candidate files, existing or not, in precedence order.</summary>
    public static IReadOnlyList<string> Resolve(string? explicitPath, string projectDirectory, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return [Path.GetFullPath(Path.Combine(projectDirectory, explicitPath.Trim()))];
        }

        var variable = environment("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        var home = environment("HOME") ?? environment("USERPROFILE");
        return string.IsNullOrEmpty(home) ? [] : [Path.Combine(home, ".kube", "config")];
    }
}
