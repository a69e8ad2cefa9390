using Microsoft.Extensions.Hosting;

namespace Connectors.Kubernetes.Hosting;

/// <summary>Stops a connector runtime with the app host: refreshing ends and token files are deleted.</summary>
/// <param name="runtime">The runtime.</param>
public sealed class KubernetesConnectorRuntimeLifetime(KubernetesConnectorRuntime runtime) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await runtime.DisposeAsync().ConfigureAwait(false);
}
