namespace Connectors.Kubernetes.Generators.Model;

/// <summary>
/// One MSBuild connector item as the compiler sees it: its kind, its name, how many items of the
/// project share that name (case-insensitively), and its decoded metadata (<see langword="null"/> when
/// absent or empty). Only non-secret metadata is ever made visible to the compiler.
/// </summary>
internal sealed record ConnectorItem(
    ConnectorItemKind Kind,
    string Name,
    int Occurrences,
    string? Server,
    string? AuthMethod,
    string? ClusterName,
    string? Namespace,
    string? CertificateAuthority,
    string? ClientCertificate,
    string? ClientKey,
    string? InsecureSkipTlsVerify,
    string? TlsServerName,
    string? ExpiresAt,
    string? Labels,
    string? Default,
    string? AutoConfigure,
    string? Context,
    string? Kubeconfig)
{
    /// <summary>A required-connector item carries nothing but its name.</summary>
    public static ConnectorItem Reference(string name, int occurrences = 1) =>
        new(ConnectorItemKind.Required, name, occurrences, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
