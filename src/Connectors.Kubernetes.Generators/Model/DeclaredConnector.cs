using Connectors.Kubernetes.Generators.Common;

namespace Connectors.Kubernetes.Generators.Model;

/// <summary>
/// A validated app-host declaration, ready to emit. Holds no secret: the contract keeps secrets in
/// Aspire parameters, whose names are derived from <see cref="Identity"/>.
/// </summary>
internal sealed record DeclaredConnector(
    ConnectorIdentity Identity,
    string? Server,
    string? AuthMethod,
    string? ClusterName,
    string? EffectiveClusterName,
    string? Namespace,
    string? CertificateAuthority,
    string? ClientCertificate,
    string? ClientKeyPath,
    bool InsecureSkipTlsVerify,
    string? TlsServerName,
    string? ExpiresAt,
    EquatableArray<Label> Labels,
    bool IsDefault,
    bool AutoConfigure,
    string? Context,
    string? Kubeconfig);
