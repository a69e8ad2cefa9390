namespace Connectors.Playground.ModelDeployer;

/// <summary>A model server to roll out: a Deployment of <see cref="Replicas"/> pods behind a Service.</summary>
/// <param name="Name">The Deployment and Service name (a DNS label).</param>
/// <param name="Image">The model server image.</param>
public sealed record ModelDeploymentRequest(string Name, string Image)
{
    /// <summary>How many pods serve the model.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>The port the model server listens on, and the Service's port.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>How long the rollout may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
