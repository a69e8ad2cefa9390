// Shared source: compiled into the runtime, the MSBuild task and the CLI. BCL only.
namespace Connectors.Kubernetes.Validation;

/// <summary>
/// A connector declaration as text, the common shape of a csproj item, a CLI command line and a
/// runtime connector spec. Certificate fields take inline PEM, base64 (standard or url-safe) or a
/// file path resolved against <see cref="BaseDirectory"/>.
/// </summary>
internal sealed class ConnectorDeclaration
{
    /// <summary>The connector name.</summary>
    public string? Name { get; set; }

    /// <summary>The API server URL.</summary>
    public string? Server { get; set; }

    /// <summary><c>token</c> or <c>password</c>; empty means <c>token</c>.</summary>
    public string? AuthMethod { get; set; }

    /// <summary>Optional cluster name.</summary>
    public string? ClusterName { get; set; }

    /// <summary>Optional default namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>The bearer token, when known to the caller.</summary>
    public string? Token { get; set; }

    /// <summary>A file that holds the bearer token.</summary>
    public string? TokenFile { get; set; }

    /// <summary>The basic-auth user name, when known to the caller.</summary>
    public string? Username { get; set; }

    /// <summary>The basic-auth password, when known to the caller.</summary>
    public string? Password { get; set; }

    /// <summary>Certificate authority: PEM, base64 or path.</summary>
    public string? CertificateAuthority { get; set; }

    /// <summary>Client certificate: PEM, base64 or path.</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>Client key: PEM, base64 or path (a path only in declaration files).</summary>
    public string? ClientKey { get; set; }

    /// <summary><c>true</c> or <c>false</c>; empty means <c>false</c>.</summary>
    public string? InsecureSkipTlsVerify { get; set; }

    /// <summary>Optional TLS server name (SNI and certificate host check).</summary>
    public string? TlsServerName { get; set; }

    /// <summary>Optional ISO 8601 expiry of the credentials.</summary>
    public string? ExpiresAt { get; set; }

    /// <summary>The directory relative certificate paths are resolved against; the current directory when null.</summary>
    public string? BaseDirectory { get; set; }
}
