using System.Diagnostics;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Describe;
using Connectors.Kubernetes.Telemetry;
using Connectors.Kubernetes.Verification;
using k8s;
using Microsoft.Extensions.Logging;

namespace Connectors.Kubernetes;

/// <summary>
/// The container's object for one connector: it owns the connector's client (one shared handler chain),
/// hands out one telemetry-wrapped <see cref="IKubernetes"/>, and refreshes expiring credentials in the
/// background. Injected clients never change: a refresh swaps the credential inside the shared chain.
/// </summary>
internal sealed class KubernetesConnector : IKubernetesConnector, IDisposable
{
    private static readonly TimeSpan RetryAfterFailedRefresh = TimeSpan.FromSeconds(30);

    private readonly KubernetesConnectorClient _client;
    private readonly KubernetesConnectorSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<IKubernetes> _kubernetes;
    private long _expiresAtTicks;
    private Task _refreshLoop = Task.CompletedTask;
    private int _disposed;

    public KubernetesConnector(KubernetesConnectorSpec spec, KubernetesConnectorSettings settings, ILoggerFactory loggerFactory)
    {
        _settings = settings;
        _time = settings.ClientOptions.TimeProvider;
        _logger = loggerFactory.CreateLogger("Connectors.Kubernetes.KubernetesConnector");
        settings.ClientOptions.LoggerFactory ??= loggerFactory;
        _client = KubernetesConnectorClient.Create(spec, settings.ClientOptions);
        _kubernetes = new(() => _client.CreateClient(new ConnectorTelemetryHandler(spec.Name, !settings.DisableTracing, !settings.DisableMetrics)));
        SetExpiry(Earliest(spec.ExpiresAt, _client.Transport.Endpoint.ClientCertificate?.TargetCertificate.NotAfter));
    }

    public string Name => _client.Name;

    public KubernetesConnectorSpec Spec => _client.Spec;

    public KubernetesConnectorSettings Settings => _settings;

    /// <summary>The injected client: one instance for the application's lifetime.</summary>
    public IKubernetes Client => _kubernetes.Value;

    public DateTimeOffset? ExpiresAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _expiresAtTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>True when something can fetch new credentials (a token file or an exec plugin).</summary>
    public bool CanRefresh => Spec.AuthMethod == KubernetesAuthMethod.Token
        && (Spec.Exec is not null && (Spec.Token is null || Spec.Token.IsEmpty) || (Spec.Token is null || Spec.Token.IsEmpty) && !string.IsNullOrEmpty(Spec.TokenFile));

    public KubernetesConnectorDescription Describe() => KubernetesConnectorDescriber.Describe(Spec, showSecrets: false, _time);

    public async Task<KubernetesVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        using var activity = _settings.DisableTracing ? null : KubernetesConnectorTelemetry.ActivitySource.StartActivity("kubernetes verify", ActivityKind.Internal);
        activity?.SetTag(KubernetesConnectorTelemetry.ConnectorTag, Name);
        var result = await _client.VerifyAsync(cancellationToken).ConfigureAwait(false);
        var failure = FailureName(result.Failure);
        activity?.SetTag(KubernetesConnectorTelemetry.FailureTag, failure);
        if (!_settings.DisableMetrics)
        {
            KubernetesConnectorTelemetry.VerifyDuration.Record(result.Latency.TotalSeconds,
                new(KubernetesConnectorTelemetry.ConnectorTag, Name), new(KubernetesConnectorTelemetry.FailureTag, failure));
        }

        if (result.Succeeded)
        {
            SetExpiry(result.ExpiresAt);
            ConnectorLog.Verified(_logger, Name, result.Latency.TotalMilliseconds, result.Identity?.Username, result.ServerVersion);
        }
        else
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Code);
            if (!_settings.DisableMetrics)
            {
                KubernetesConnectorTelemetry.Failures.Add(1, new(KubernetesConnectorTelemetry.ConnectorTag, Name), new(KubernetesConnectorTelemetry.FailureTag, failure));
            }

            ConnectorLog.VerifyFailed(_logger, Name, failure, result.Latency.TotalMilliseconds, result.Code, result.Message);
        }

        return result;
    }

    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        using var activity = _settings.DisableTracing ? null : KubernetesConnectorTelemetry.ActivitySource.StartActivity("kubernetes refresh", ActivityKind.Internal);
        activity?.SetTag(KubernetesConnectorTelemetry.ConnectorTag, Name);
        try
        {
            var changed = await _client.RefreshCredentialsAsync(cancellationToken).ConfigureAwait(false);
            var credential = await _client.Transport.Credentials.GetAsync(cancellationToken).ConfigureAwait(false);
            SetExpiry(Earliest(Earliest(Spec.ExpiresAt, _client.Transport.Endpoint.ClientCertificate?.TargetCertificate.NotAfter), credential.ExpiresAt));
            CountRefresh(changed ? "changed" : "unchanged");
            ConnectorLog.Refreshed(_logger, Name, changed, ExpiresAt);
            return changed;
        }
        catch (KubernetesConnectorException e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Code);
            CountRefresh("failed");
            ConnectorLog.RefreshFailed(_logger, Name, e.Code);
            throw;
        }
    }

    /// <summary>Starts refreshing the credentials <see cref="KubernetesConnectorSettings.RefreshBeforeExpiry"/> before they expire.</summary>
    public void StartRefreshing()
    {
        if (_refreshLoop.IsCompleted)
        {
            _refreshLoop = Task.Run(() => RefreshLoopAsync(_stopping.Token));
        }
    }

    public void Dispose()
    {
        // The container holds this object under several service types and disposes each of them.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        try
        {
            _refreshLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; nothing else can escape it.
        }

        _stopping.Dispose();
        if (_kubernetes.IsValueCreated)
        {
            _kubernetes.Value.Dispose();
        }

        _client.Dispose();
    }

    private async Task RefreshLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (ExpiresAt is not { } expiresAt)
            {
                return;
            }

            var due = expiresAt - _settings.RefreshBeforeExpiry - _time.GetUtcNow();
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, _time, cancellationToken).ConfigureAwait(false);
            }

            if (!CanRefresh)
            {
                // A static token or a certificate: say so once, when its expiry comes within reach.
                ConnectorLog.CredentialsExpiring(_logger, Name, expiresAt);
                return;
            }

            try
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
                if (ExpiresAt is { } next && next <= expiresAt)
                {
                    // Nothing fresher yet: look again later rather than spin.
                    await Task.Delay(RetryAfterFailedRefresh, _time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (KubernetesConnectorException)
            {
                await Task.Delay(RetryAfterFailedRefresh, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void CountRefresh(string outcome)
    {
        if (!_settings.DisableMetrics)
        {
            KubernetesConnectorTelemetry.Refreshes.Add(1, new(KubernetesConnectorTelemetry.ConnectorTag, Name), new("outcome", outcome));
        }
    }

    private void SetExpiry(DateTimeOffset? expiresAt) =>
        Interlocked.Exchange(ref _expiresAtTicks, expiresAt?.UtcTicks ?? 0);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTime? b) =>
        Earliest(a, b is null ? null : new DateTimeOffset(b.Value.ToUniversalTime(), TimeSpan.Zero));

    internal static string FailureName(KubernetesVerificationFailure failure) => failure switch
    {
        KubernetesVerificationFailure.None => "none",
        KubernetesVerificationFailure.InsecureTransport => "insecure_transport",
        KubernetesVerificationFailure.UnexpectedResponse => "unexpected_response",
        _ => failure.ToString().ToLowerInvariant(),
    };
}
