using System.Collections.ObjectModel;
using Connectors.Kubernetes.Kubeconfig;

namespace Connectors.Kubernetes;

/// <summary>
/// A complete connector: everything needed to build an authenticated client for one cluster, plus
/// where each value came from. Secrets are <see cref="SecretValue"/>s, so printing a spec never shows
/// them. Build one from a connection string (<see cref="KubernetesConnectionString"/>), a
/// configuration section (<see cref="KubernetesConnectorConfiguration"/>) or a kubeconfig context
/// (<c>Kubeconfig.KubernetesAutoConfigure</c>), then check it with <see cref="KubernetesConnectorValidator"/>.
/// </summary>
public sealed record KubernetesConnectorSpec
{
    /// <summary>The connector name (see the naming rule in README).</summary>
    public required string Name { get; init; }

    /// <summary>The API server URL, e.g. <c>https://kube-prod.example.test:6443</c>.</summary>
    public string Server { get; init; } = string.Empty;

    /// <summary>The cluster name given at registration; see <see cref="EffectiveClusterName"/>.</summary>
    public string? ClusterName { get; init; }

    /// <summary>The auth method.</summary>
    public KubernetesAuthMethod AuthMethod { get; init; } = KubernetesAuthMethod.Token;

    /// <summary>The bearer token; empty for clusters that need none (k3d-style).</summary>
    public SecretValue? Token { get; init; }

    /// <summary>A file that holds the bearer token, re-read when the client refreshes.</summary>
    public string? TokenFile { get; init; }

    /// <summary>The basic-auth user name (password method).</summary>
    public SecretValue? Username { get; init; }

    /// <summary>The basic-auth password (password method).</summary>
    public SecretValue? Password { get; init; }

    /// <summary>The CA certificate(s) as PEM text.</summary>
    public string? CertificateAuthorityData { get; init; }

    /// <summary>The client certificate as PEM text.</summary>
    public string? ClientCertificateData { get; init; }

    /// <summary>The client private key as PEM text.</summary>
    public SecretValue? ClientKeyData { get; init; }

    /// <summary>Skip TLS verification of the server. Never together with a CA.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name used for SNI and for checking the server certificate, when it differs from the server host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>The default namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>When the credentials expire, if known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The exec credential plugin that produced (and can refresh) the credentials, when auto-configured from one.</summary>
    public KubernetesExecConfig? Exec { get; init; }

    /// <summary>Free-form labels (for example <c>team=ml</c>), shown by describe.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = Empty;

    /// <summary>Where each field came from, keyed by <see cref="KubernetesConnectorKeys"/> names.</summary>
    public IReadOnlyDictionary<string, KubernetesValueSource> Sources { get; init; } = EmptySources;

    /// <summary>
    /// <see cref="ClusterName"/> when given, else the server's host without scheme and port (the name
    /// ZenML shows as the resource name).
    /// </summary>
    public string EffectiveClusterName =>
        !string.IsNullOrWhiteSpace(ClusterName) ? ClusterName.Trim() : HostOf(Server);

    private static ReadOnlyDictionary<string, string> Empty { get; } = new(new Dictionary<string, string>());

    private static ReadOnlyDictionary<string, KubernetesValueSource> EmptySources { get; } = new(new Dictionary<string, KubernetesValueSource>());

    /// <summary>Returns the host of <paramref name="server"/> without scheme, port or path.</summary>
    internal static string HostOf(string server)
    {
        if (Uri.TryCreate(server.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length != 0)
        {
            return uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        }

        return server.Trim();
    }
}
