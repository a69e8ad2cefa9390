using Connectors.Kubernetes.Verification;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Connectors.Kubernetes.HealthChecks;

/// <summary>
/// Reports whether a connector's credentials work, by verifying them against the API server with a
/// short timeout. A result is reused for <see cref="KubernetesConnectorSettings.HealthCheckCacheDuration"/>
/// and concurrent probes share one verification, so frequent probes do not hammer the server.
/// </summary>
internal sealed class KubernetesConnectorHealthCheck : IHealthCheck
{
    private readonly IKubernetesConnector _connector;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _cacheDuration;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private Task<KubernetesVerificationResult>? _current;
    private long _completedAt;

    public KubernetesConnectorHealthCheck(IKubernetesConnector connector, KubernetesConnectorSettings settings)
    {
        _connector = connector;
        _timeout = settings.HealthCheckTimeout;
        _cacheDuration = settings.HealthCheckCacheDuration;
        _time = settings.ClientOptions.TimeProvider;
    }

    /// <summary>How many times the server was actually asked (for tests and diagnostics).</summary>
    public int Verifications { get; private set; }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await GetResultAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["connector"] = result.ConnectorName,
            ["server"] = result.Server,
            ["failure"] = KubernetesConnector.FailureName(result.Failure),
            ["latencyMs"] = Math.Round(result.Latency.TotalMilliseconds, 1),
        };
        if (result.ServerVersion is { } version)
        {
            data["serverVersion"] = version;
        }

        if (result.ExpiresAt is { } expiresAt)
        {
            data["expiresAt"] = expiresAt;
        }

        if (result.Code is { } code)
        {
            data["code"] = code;
        }

        return result.Succeeded
            ? HealthCheckResult.Healthy(
                "Kubernetes connector '" + result.ConnectorName + "' reached " + result.Server + " as " + (result.Identity?.Username ?? "an accepted identity") + ".", data)
            : new HealthCheckResult(context.Registration.FailureStatus,
                "Kubernetes connector '" + result.ConnectorName + "' failed verification: " + result.Code + " " + result.Message, data: data);
    }

    private Task<KubernetesVerificationResult> GetResultAsync()
    {
        lock (_gate)
        {
            if (_current is { } current && (!current.IsCompleted || _time.GetElapsedTime(_completedAt) < _cacheDuration))
            {
                return current;
            }

            Verifications++;
            _current = VerifyAsync();
            return _current;
        }
    }

    private async Task<KubernetesVerificationResult> VerifyAsync()
    {
        try
        {
            // The probe's own cancellation must not poison the shared result: the timeout alone bounds it.
            using var timeout = new CancellationTokenSource(_timeout, _time);
            return await _connector.VerifyAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _completedAt = _time.GetTimestamp();
            }
        }
    }
}
