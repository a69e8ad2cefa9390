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
}
