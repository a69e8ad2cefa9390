using Connectors.Kubernetes.Cli.Projects;

namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>Turns a declared connector into the core's spec, or null for a linked item (its server and credentials are read from its kubeconfig context when the app host starts).</summary>
internal static class ConnectorSpecs
{
    public static KubernetesConnectorSpec? Resolve(ConnectorRecord record) =>
        record.Item.IsAutoConfigure ? null : record.ToSpec();
}
