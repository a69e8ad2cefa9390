namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>A <c>clusters[]</c> entry. File paths are absolute (resolved against the defining file).</summary>
public sealed record KubeconfigCluster
{
    /// <summary>The entry name (case-sensitive).</summary>
    public required string Name { get; init; }

    /// <summary>Where the entry was defined.</summary>
    public required KubeconfigOrigin Origin { get; init; }

    /// <summary><c>server</c>.</summary>
    public string? Server { get; init; }

    /// <summary><c>tls-server-name</c>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary><c>insecure-skip-tls-verify</c>.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary><c>certificate-authority</c>, as an absolute path.</summary>
    public string? CertificateAuthority { get; init; }

    /// <summary><c>certificate-authority-data</c>, decoded (PEM text).</summary>
    public string? CertificateAuthorityData { get; init; }

    /// <summary><c>proxy-url</c>.</summary>
    public string? ProxyUrl { get; init; }

    /// <summary><c>disable-compression</c>.</summary>
    public bool DisableCompression { get; init; }

    /// <summary>The <c>client.authentication.k8s.io/exec</c> extension, as JSON, passed to exec plugins.</summary>
    public string? ExecExtensionJson { get; init; }
}
