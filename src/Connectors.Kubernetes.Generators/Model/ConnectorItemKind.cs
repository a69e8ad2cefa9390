namespace Connectors.Kubernetes.Generators.Model;

/// <summary>Which MSBuild item a compiler-visible entry came from.</summary>
internal enum ConnectorItemKind
{
    /// <summary>A <c>&lt;KubernetesConnector&gt;</c> item: the app host declares the connector.</summary>
    Declared,

    /// <summary>A <c>&lt;KubernetesConnectorReference&gt;</c> item: a component requires the connector.</summary>
    Required,
}
