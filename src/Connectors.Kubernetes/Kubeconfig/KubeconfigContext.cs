using YamlDotNet.RepresentationModel;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>A <c>contexts[]</c> entry.</summary>
public sealed record KubeconfigContext
{
    /// <summary>The entry name (case-sensitive).</summary>
    public required string Name { get; init; }

    /// <summary>Where the entry was defined.</summary>
    public required KubeconfigOrigin Origin { get; init; }

    /// <summary>The cluster entry name.</summary>
    public string? Cluster { get; init; }

    /// <summary>The user entry name; empty for anonymous access.</summary>
    public string? User { get; init; }

    /// <summary>The default namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>The YAML entry as read, kept so a writer can preserve fields this model does not know.</summary>
    internal YamlMappingNode? Node { get; init; }
}
