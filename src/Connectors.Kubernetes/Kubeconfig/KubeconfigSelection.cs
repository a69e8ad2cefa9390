namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>A context with the cluster and user it names, resolved from a <see cref="KubeconfigSet"/>.</summary>
/// <param name="Context">The context.</param>
/// <param name="Cluster">Its cluster.</param>
/// <param name="User">Its user; null when the context names none (anonymous access).</param>
public sealed record KubeconfigSelection(KubeconfigContext Context, KubeconfigCluster Cluster, KubeconfigUser? User);
