using YamlDotNet.RepresentationModel;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// One kubeconfig file as read: its entries in file order and its <c>current-context</c>. The YAML node
/// tree is kept (<see cref="Root"/>) so that a writer can change entries and keep everything else.
/// </summary>
public sealed class KubeconfigFile
{
    internal KubeconfigFile(
        string path,
        string? currentContext,
        IReadOnlyList<KubeconfigCluster> clusters,
        IReadOnlyList<KubeconfigUser> users,
        IReadOnlyList<KubeconfigContext> contexts,
        YamlMappingNode? root)
    {
        Path = path;
        CurrentContext = currentContext;
        Clusters = clusters;
        Users = users;
        Contexts = contexts;
        Root = root;
    }

    /// <summary>The absolute path of the file.</summary>
    public string Path { get; }

    /// <summary><c>current-context</c>; null or empty when unset.</summary>
    public string? CurrentContext { get; }

    /// <summary>The clusters, in file order.</summary>
    public IReadOnlyList<KubeconfigCluster> Clusters { get; }

    /// <summary>The users, in file order.</summary>
    public IReadOnlyList<KubeconfigUser> Users { get; }

    /// <summary>The contexts, in file order.</summary>
    public IReadOnlyList<KubeconfigContext> Contexts { get; }

    /// <summary>The root YAML mapping as read (null for an empty file).</summary>
    internal YamlMappingNode? Root { get; }
}
