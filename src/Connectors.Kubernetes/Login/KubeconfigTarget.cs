namespace Connectors.Kubernetes.Login;

/// <summary>Finds the kubeconfig file a login writes to, as kubectl would pick it.</summary>
internal static class KubeconfigTarget
{
    /// <summary>
    /// The explicit <c>--kubeconfig</c> path when given; else the first entry of <c>KUBECONFIG</c>;
    /// else <c>~/.kube/config</c>.
    /// </summary>
    public static string Resolve(string? explicitPath, string? kubeconfigVariable, string homeDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var first = (kubeconfigVariable ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        return first is not null ? Path.GetFullPath(first) : Path.Combine(homeDirectory, ".kube", "config");
    }

    /// <summary>Resolves against this process's environment.</summary>
    public static string Resolve(string? explicitPath) =>
        Resolve(explicitPath, Environment.GetEnvironmentVariable("KUBECONFIG"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
