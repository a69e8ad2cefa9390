namespace Connectors.Kubernetes.Hosting;

/// <summary>What one part of a connection expression is.</summary>
public enum KubernetesExpressionPartKind
{
    /// <summary>Text written as it is (already quoted where the connection string needs it).</summary>
    Literal,

    /// <summary>The value of the Aspire parameter named by the part's text.</summary>
    Parameter,

    /// <summary>
    /// A value the app host knows only once the connector has started (auto-configured credentials,
    /// certificate material read from a file); the part's text is the connection key, or
    /// <see cref="KubernetesConnectionExpressions.ConnectionStringKey"/> for the whole connection string.
    /// </summary>
    Resolved,
}
