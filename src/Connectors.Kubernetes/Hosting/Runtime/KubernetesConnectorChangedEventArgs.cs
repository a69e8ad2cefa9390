namespace Connectors.Kubernetes.Hosting;

/// <summary>A connector's snapshot changed after start (a refresh failed or recovered, verify reported an identity).</summary>
/// <param name="snapshot">The new snapshot.</param>
public sealed class KubernetesConnectorChangedEventArgs(KubernetesConnectorSnapshot snapshot) : EventArgs
{
    /// <summary>The new snapshot.</summary>
    public KubernetesConnectorSnapshot Snapshot { get; } = snapshot;
}
