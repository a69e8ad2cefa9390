namespace Connectors.Kubernetes.Hosting;

/// <summary>The life of a connector resource in a running app host.</summary>
public enum KubernetesConnectorState
{
    /// <summary>Declared; the app host has not started it yet.</summary>
    NotStarted,

    /// <summary>Resolving parameters, lifting the kubeconfig context, checking the settings.</summary>
    Starting,

    /// <summary>Settings resolved and valid; components can use the connector.</summary>
    Running,

    /// <summary>Running, but a short-lived credential could not be refreshed; components still hold the last one.</summary>
    Unhealthy,

    /// <summary>The connector could not start; the status carries the coded reason.</summary>
    FailedToStart,
}
