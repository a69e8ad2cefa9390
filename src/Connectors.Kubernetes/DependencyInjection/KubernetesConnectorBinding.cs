namespace Connectors.Kubernetes;

/// <summary>
/// The outcome of reading one connector's configuration at registration: its settings and either a
/// valid spec (with the validator's warnings) or the coded error that start-up will report.
/// </summary>
internal sealed record KubernetesConnectorBinding(
    KubernetesConnectorSettings Settings,
    KubernetesConnectorSpec? Spec,
    IReadOnlyList<KubernetesConnectorDiagnostic> Warnings,
    KubernetesConnectorException? Error)
{
    public string Name => Settings.Name;
}
