namespace Connectors.Kubernetes;

/// <summary>
/// The settings of one injected Kubernetes connector client, read when
/// <c>AddKubernetesConnectorClient(name)</c> is called (before the container is built), in this order:
/// the section <c>Connectors:Kubernetes</c> (client settings shared by every connector), the section
/// <c>Connectors:Kubernetes:{name}</c>, the connection string <c>ConnectionStrings:{name}</c> (for
/// connector keys the section does not set: the section wins key by key), and last the delegate passed
/// to <c>AddKubernetesConnectorClient</c>.
/// </summary>
/// <remarks>
/// Secret values are held as <see cref="SecretValue"/>s, so the settings never print them. Connector
/// keys are those of the connection string (see README); the client settings (<see cref="DisableHealthChecks"/>
/// and the rest) may only be given in the sections.
/// </remarks>
public sealed class KubernetesConnectorSettings
{
    internal KubernetesConnectorSettings(string name) => Name = name;

    /// <summary>The connector name: the key of its keyed services and the <c>{name}</c> in its configuration paths.</summary>
    public string Name { get; }

    /// <summary>The API server URL (<c>Server</c>).</summary>
    public string? Server { get; set; }

    /// <summary>The cluster name (<c>ClusterName</c>); the server host when not set.</summary>
    public string? ClusterName { get; set; }

    /// <summary>The auth method (<c>AuthMethod</c>); token when not set.</summary>
    public KubernetesAuthMethod? AuthMethod { get; set; }

    /// <summary>The bearer token (<c>Token</c>).</summary>
    public SecretValue? Token { get; set; }

    /// <summary>A file holding the bearer token, re-read when it rotates (<c>TokenFile</c>).</summary>
    public string? TokenFile { get; set; }

    /// <summary>The basic-auth user name (<c>Username</c>, password method).</summary>
    public SecretValue? Username { get; set; }

    /// <summary>The basic-auth password (<c>Password</c>, password method).</summary>
    public SecretValue? Password { get; set; }

    /// <summary>The cluster CA certificate(s) as PEM text (<c>CertificateAuthorityData</c>, base64 of the PEM in configuration).</summary>
    public string? CertificateAuthorityData { get; set; }

    /// <summary>The client certificate as PEM text (<c>ClientCertificateData</c>).</summary>
    public string? ClientCertificateData { get; set; }

    /// <summary>The client private key as PEM text (<c>ClientKeyData</c>).</summary>
    public SecretValue? ClientKeyData { get; set; }

    /// <summary>Skip verification of the server certificate (<c>InsecureSkipTlsVerify</c>); never together with a CA.</summary>
    public bool? InsecureSkipTlsVerify { get; set; }

    /// <summary>The name checked on the server certificate and sent as SNI (<c>TlsServerName</c>).</summary>
    public string? TlsServerName { get; set; }

    /// <summary>The default namespace of the injected client (<c>Namespace</c>).</summary>
    public string? Namespace { get; set; }

    /// <summary>When the credentials expire (<c>ExpiresAt</c>).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Makes this connector the non-keyed default <c>IKubernetes</c> when several are registered (<c>Default</c>).</summary>
    public bool Default { get; set; }

    /// <summary>Registers no health check for this connector (<c>DisableHealthChecks</c>). Default: false.</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>Emits no activities for this connector (<c>DisableTracing</c>). Default: false.</summary>
    public bool DisableTracing { get; set; }

    /// <summary>Records no metrics for this connector (<c>DisableMetrics</c>). Default: false.</summary>
    public bool DisableMetrics { get; set; }

    /// <summary>How long one health check may take (<c>HealthCheckTimeout</c>). Default: 5 seconds.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a health check result is reused before the server is asked again (<c>HealthCheckCacheDuration</c>). Default: 30 seconds.</summary>
    public TimeSpan HealthCheckCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before the credentials expire they are refreshed (<c>RefreshBeforeExpiry</c>). Default: 2 minutes.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The client's tuning (timeouts, clock, logging); the logger factory is the container's unless set here.</summary>
    public Clients.KubernetesConnectorClientOptions ClientOptions { get; } = new();
}
