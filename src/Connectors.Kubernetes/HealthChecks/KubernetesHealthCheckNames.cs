namespace Connectors.Kubernetes.HealthChecks;

/// <summary>The names and tags of the connectors' health checks.</summary>
public static class KubernetesHealthCheckNames
{
    /// <summary>The tag every connector health check carries: <c>kubernetes</c>.</summary>
    public const string KubernetesTag = "kubernetes";

    /// <summary>The second tag every connector health check carries: <c>connector</c>.</summary>
    public const string ConnectorTag = "connector";

    /// <summary>The health check name of connector <paramref name="connectorName"/>: <c>kubernetes-{name}</c>.</summary>
    /// <param name="connectorName">The connector name.</param>
    /// <returns>The registration name.</returns>
    public static string For(string connectorName) => "kubernetes-" + connectorName;
}
