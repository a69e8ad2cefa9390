namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>A <c>users[]</c> entry. File paths are absolute (resolved against the defining file).</summary>
public sealed record KubeconfigUser
{
    /// <summary>The entry name (case-sensitive).</summary>
    public required string Name { get; init; }

    /// <summary>Where the entry was defined.</summary>
    public required KubeconfigOrigin Origin { get; init; }

    /// <summary><c>token</c>; empty when the file says <c>token: ""</c>, null when absent.</summary>
    public SecretValue? Token { get; init; }

    /// <summary><c>tokenFile</c>, as an absolute path.</summary>
    public string? TokenFile { get; init; }

    /// <summary><c>client-certificate</c>, as an absolute path.</summary>
    public string? ClientCertificate { get; init; }

    /// <summary><c>client-certificate-data</c>, decoded (PEM text).</summary>
    public string? ClientCertificateData { get; init; }

    /// <summary><c>client-key</c>, as an absolute path.</summary>
    public string? ClientKey { get; init; }

    /// <summary><c>client-key-data</c>, decoded (PEM text).</summary>
    public SecretValue? ClientKeyData { get; init; }

    /// <summary><c>username</c>.</summary>
    public SecretValue? Username { get; init; }

    /// <summary><c>password</c>.</summary>
    public SecretValue? Password { get; init; }

    /// <summary><c>exec</c>, with a relative command path resolved.</summary>
    public KubernetesExecConfig? Exec { get; init; }

    /// <summary>The <c>auth-provider</c> name, when the entry has one (not supported: use exec).</summary>
    public string? AuthProvider { get; init; }

    /// <summary><c>as</c> (impersonated user), if any.</summary>
    public string? Impersonate { get; init; }
}
