using Connectors.Kubernetes.Kubeconfig;
using Microsoft.Extensions.Logging;

namespace Connectors.Kubernetes.Credentials;

/// <summary>
/// A bearer token issued by a client-go exec plugin (<c>aws eks get-token</c>, <c>gke-gcloud-auth-plugin</c>,
/// <c>kubelogin</c>…), run with <see cref="ExecCredentialPlugin"/>. The plugin is run on first use, again
/// shortly before the token's <c>expirationTimestamp</c>, and again after a 401; concurrent requests
/// share one run.
/// </summary>
internal sealed partial class ExecCredentialSource : ICredentialSource
{
    // Renew a little before the stated expiry so a request in flight does not carry a dying token.
    private static readonly TimeSpan s_expirySkew = TimeSpan.FromSeconds(10);

    private readonly KubernetesExecConfig _exec;
    private readonly KubeconfigCluster? _cluster;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KubernetesCredential? _current;

    public ExecCredentialSource(KubernetesExecConfig exec, KubeconfigCluster? cluster, TimeSpan timeout, TimeProvider time, ILogger logger)
    {
        _exec = exec;
        _cluster = cluster;
        _timeout = timeout;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<KubernetesCredential> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && IsFresh(current))
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null || !IsFresh(_current))
            {
                Volatile.Write(ref _current, await RunAsync(cancellationToken).ConfigureAwait(false));
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<KubernetesCredential?> RefreshAsync(KubernetesCredential rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have refreshed it while this one waited.
            if (_current is not null && !_current.SameSecretAs(rejected))
            {
                return _current;
            }

            var fresh = await RunAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, fresh);
            return fresh.SameSecretAs(rejected) ? null : fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The cluster a plugin with <c>provideClusterInfo</c> is told about (no credentials in it).</summary>
    public static KubeconfigCluster ClusterOf(KubernetesConnectorSpec spec) => new()
    {
        Name = spec.EffectiveClusterName,
        Origin = new KubeconfigOrigin(string.Empty, 0),
        Server = spec.Server,
        TlsServerName = spec.TlsServerName,
        InsecureSkipTlsVerify = spec.InsecureSkipTlsVerify,
        CertificateAuthorityData = spec.CertificateAuthorityData,
        ExecExtensionJson = spec.Exec?.ClusterConfigJson,
    };

    private bool IsFresh(KubernetesCredential credential) =>
        credential.ExpiresAt is not { } expiresAt || _time.GetUtcNow() < expiresAt - s_expirySkew;

    private async Task<KubernetesCredential> RunAsync(CancellationToken cancellationToken)
    {
        var issued = await ExecCredentialPlugin.RunAsync(_exec, _cluster, _timeout, cancellationToken).ConfigureAwait(false);
        if (issued.Token is not { IsEmpty: false } token)
        {
            // The TLS set-up of a connector is fixed when it is built; a certificate that changes per run cannot join it.
            throw new KubernetesConnectorException(
                KubernetesErrorCodes.ExecPluginInvalidOutput,
                $"the exec plugin '{_exec.Command}' issued a client certificate instead of a token; clients support exec-issued tokens only. "
                + "Put the client certificate and key in the connector, or configure the plugin to issue a token.");
        }

        LogPluginRan(_logger, _exec.Command, issued.ExpirationTimestamp);
        return KubernetesCredential.Bearer(token.Reveal(), issued.ExpirationTimestamp);
    }

    [LoggerMessage(EventId = 1325, Level = LogLevel.Debug, Message = "Exec credential plugin '{Command}' issued a token expiring at {ExpiresAt}")]
    private static partial void LogPluginRan(ILogger logger, string command, DateTimeOffset? expiresAt);
}
