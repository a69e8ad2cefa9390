namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>The credentials an exec plugin printed (its <c>ExecCredential.status</c>).</summary>
public sealed record ExecCredential
{
    /// <summary>The bearer token, if the plugin returned one.</summary>
    public SecretValue? Token { get; init; }

    /// <summary>The client certificate (PEM), if the plugin returned one.</summary>
    public string? ClientCertificateData { get; init; }

    /// <summary>The client key (PEM), if the plugin returned one.</summary>
    public SecretValue? ClientKeyData { get; init; }

    /// <summary>When the credentials expire; null when the plugin did not say.</summary>
    public DateTimeOffset? ExpirationTimestamp { get; init; }
}
