using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// The app host's health check of a connector resource: healthy when the connector runs and the cluster
/// accepts its credentials (verify), unhealthy with the coded reason otherwise.
/// </summary>
/// <param name="runtime">The connector resource's runtime.</param>
public sealed class KubernetesConnectorRuntimeHealthCheck(KubernetesConnectorRuntime runtime) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var outcome = await runtime.VerifyAsync(cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return HealthCheckResult.Unhealthy(outcome.Code + ": " + outcome.Message);
        }

        var status = runtime.Snapshot.Status;
        if (status.State == KubernetesConnectorState.Unhealthy)
        {
            return HealthCheckResult.Degraded(status.Code + ": " + status.Reason);
        }

        return HealthCheckResult.Healthy(outcome.Identity is null ? "settings valid" : "verified as " + outcome.Identity);
    }
}
