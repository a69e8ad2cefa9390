namespace Connectors.Kubernetes.Hosting;

/// <summary>What the dashboard shows of a connector at one moment: its status and properties.</summary>
/// <param name="Status">The status.</param>
/// <param name="Properties">The properties, sensitive ones flagged.</param>
public sealed record KubernetesConnectorSnapshot(KubernetesConnectorStatus Status, IReadOnlyList<KubernetesConnectorProperty> Properties);
