namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>Where a kubeconfig entry was defined.</summary>
/// <param name="FilePath">The absolute path of the file.</param>
/// <param name="Line">The 1-based line of the entry.</param>
public sealed record KubeconfigOrigin(string FilePath, int Line)
{
    /// <summary>The directory relative paths of this entry are resolved against.</summary>
    public string Directory => Path.GetDirectoryName(FilePath) ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => FilePath + ":" + Line;
}
