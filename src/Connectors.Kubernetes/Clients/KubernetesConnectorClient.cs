using Connectors.Kubernetes.Credentials;
using Connectors.Kubernetes.Validation;
using Connectors.Kubernetes.Verification;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Turns one connector into authenticated <see cref="IKubernetes"/> clients. All clients of a
/// connector share one handler chain (so connections are reused) that verifies the server's
/// certificate and host name itself, attaches credentials only over TLS, and refreshes rotated or
/// expiring credentials. Create one per connector and keep it for the application's lifetime.
/// </summary>
public sealed class KubernetesConnectorClient : IDisposable
{
    private readonly ConnectorTransport _transport;
    private readonly KubernetesConnectorClientOptions _options;
    private readonly Lazy<IKubernetes> _client;
    private int _disposed;

    private KubernetesConnectorClient(KubernetesConnectorSpec spec, ConnectorTransport transport, KubernetesConnectorClientOptions options)
    {
        Spec = spec;
        _transport = transport;
        _options = options;
        _client = new Lazy<IKubernetes>(CreateClient, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The connector this client serves.</summary>
    public KubernetesConnectorSpec Spec { get; }

    /// <summary>The connector's name.</summary>
    public string Name => Spec.Name;

    /// <summary>A client owned by this object (do not dispose it); created on first use.</summary>
    public IKubernetes Client => _client.Value;

    internal ConnectorTransport Transport => _transport;

    internal KubernetesConnectorClientOptions Options => _options;

    /// <summary>Builds the connector's client: it checks the spec's TLS material and sets up the shared chain, holding every credential in memory only.</summary>
    /// <param name="spec">The connector (validated by the caller).</param>
    /// <param name="options">Optional tuning; see <see cref="KubernetesConnectorClientOptions"/>.</param>
    /// <returns>The client; dispose it when the connector is no longer needed.</returns>
    /// <exception cref="KubernetesConnectorException">
    /// The spec breaks a declaration rule (KC10xx; expired credentials excepted, so that verification can
    /// report them), or its server URL, CA or client certificate cannot be used (KC13xx).
    /// </exception>
    public static KubernetesConnectorClient Create(KubernetesConnectorSpec spec, KubernetesConnectorClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new KubernetesConnectorClientOptions();
        ThrowIfInvalid(spec, options.TimeProvider);
        var logger = options.LoggerFactory?.CreateLogger<KubernetesConnectorClient>() ?? (ILogger)NullLogger.Instance;
        var endpoint = ConnectorEndpointFactory.Create(spec);
        var credentials = CredentialSourceFactory.Create(spec, options, logger);
        return new KubernetesConnectorClient(spec, new ConnectorTransport(endpoint, credentials, options.ConnectTimeout, logger), options);
    }

    // The shared rules, minus expiry: an expired connector still gets a client, whose verification says so (KC1307).
    private static void ThrowIfInvalid(KubernetesConnectorSpec spec, TimeProvider time)
    {
        var expired = ConnectorRules.Code(ConnectorRules.RuntimeBase, ConnectorRule.CredentialsExpired);
        var diagnostics = KubernetesConnectorValidator.Validate(spec, time);
        if (diagnostics.Any(d => d.Severity == KubernetesDiagnosticSeverity.Error && d.Code != expired))
        {
            throw new KubernetesConnectorException(spec.Name, [.. diagnostics.Where(d => d.Code != expired)]);
        }
    }

    /// <summary>
    /// A new <see cref="IKubernetes"/> over the connector's shared chain. Cheap: it opens no
    /// connection of its own. Disposing it leaves the chain (and other clients) working.
    /// </summary>
    /// <returns>A KubernetesClient instance for the connector's server.</returns>
    public IKubernetes CreateClient() => CreateClient(outerHandler: null);

    /// <summary>As <see cref="CreateClient()"/>, with <paramref name="outerHandler"/> (telemetry) in front of the shared chain; it sees requests before credentials are attached.</summary>
    internal IKubernetes CreateClient(DelegatingHandler? outerHandler)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var configuration = new KubernetesClientConfiguration
        {
            // Only the address: TLS and credentials are the shared chain's business, never the package's.
            Host = _transport.Endpoint.Server.ToString(),
            Namespace = Spec.Namespace,
        };
        var invoker = _transport.Invoker;
        DelegatingHandler[] handlers = outerHandler is null ? [new SharedChainHandler(invoker)] : [outerHandler, new SharedChainHandler(invoker)];
        return new k8s.Kubernetes(configuration, handlers)
        {
            CreateWebSocketBuilder = () => new ConnectorWebSocketBuilder(invoker),
        };
    }

    /// <summary>Proves the credentials work: see <see cref="KubernetesVerifier"/>.</summary>
    /// <param name="cancellationToken">Stops the verification early.</param>
    /// <returns>The outcome, never an exception for a failed check.</returns>
    public Task<KubernetesVerificationResult> VerifyAsync(CancellationToken cancellationToken = default) =>
        KubernetesVerifier.VerifyAsync(this, cancellationToken);

    /// <summary>
    /// Fetches fresh credentials now (re-reads the token file, re-runs the exec plugin).
    /// </summary>
    /// <param name="cancellationToken">Stops the refresh.</param>
    /// <returns>True when the credential changed.</returns>
    public async Task<bool> RefreshCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var current = await _transport.Credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        return await _transport.Credentials.RefreshAsync(current, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Closes the shared connections and forgets the credentials; clients created from this object stop working.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }

        _transport.Dispose();
    }
}
