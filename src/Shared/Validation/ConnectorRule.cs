// Shared source: compiled into the runtime, the MSBuild task and the CLI. BCL only.
namespace Connectors.Kubernetes.Validation;

/// <summary>
/// The numbered rules a connector declaration must follow. The number is shared by every layer:
/// rule N is reported as <c>KC1000+N</c> at run time, <c>KC2000+N</c> by the MSBuild task and
/// <c>KC5000+N</c> by the command line. Never renumber a rule; add new ones at the end.
/// </summary>
internal enum ConnectorRule
{
    /// <summary>The connector name breaks the naming rule.</summary>
    InvalidName = 1,

    /// <summary>No server URL was given.</summary>
    MissingServer = 2,

    /// <summary>The server is not an absolute http(s) URL.</summary>
    InvalidServer = 3,

    /// <summary>The server uses plain http:// (warning): credentials are never sent to it.</summary>
    InsecureHttpServer = 4,

    /// <summary>The auth method is not <c>token</c> or <c>password</c>.</summary>
    InvalidAuthMethod = 5,

    /// <summary>The password method lacks the username or the password.</summary>
    PasswordCredentialsIncomplete = 6,

    /// <summary>The password method is in use (warning): basic authentication is not for production.</summary>
    PasswordMethodNotForProduction = 7,

    /// <summary>Only one of client certificate and client key was given.</summary>
    ClientCertificateKeyPair = 8,

    /// <summary>The certificate authority cannot be read or parsed.</summary>
    InvalidCertificateAuthority = 9,

    /// <summary>The client certificate cannot be read or parsed.</summary>
    InvalidClientCertificate = 10,

    /// <summary>The client key cannot be read or parsed.</summary>
    InvalidClientKey = 11,

    /// <summary>The client certificate and key are not a pair.</summary>
    ClientCertificateKeyMismatch = 12,

    /// <summary>A certificate authority and InsecureSkipTlsVerify were both given.</summary>
    CertificateAuthorityWithInsecure = 13,

    /// <summary>The credentials have expired (ExpiresAt, token exp claim or client certificate).</summary>
    CredentialsExpired = 14,

    /// <summary>ExpiresAt is not an ISO 8601 date and time.</summary>
    InvalidExpiresAt = 15,

    /// <summary>InsecureSkipTlsVerify is not <c>true</c> or <c>false</c>.</summary>
    InvalidBoolean = 16,

    /// <summary>A secret was written inline into a declaration file (a csproj) instead of a parameter or path.</summary>
    SecretInDeclaration = 17,

    /// <summary>A field of the other auth method was given (for example a token with the password method).</summary>
    AuthMethodFieldConflict = 18,

    /// <summary>TlsServerName is not a host name.</summary>
    InvalidTlsServerName = 19,

    /// <summary>The namespace is not a Kubernetes namespace name (RFC 1123 label).</summary>
    InvalidNamespace = 20,

    /// <summary>The token file does not exist or cannot be read.</summary>
    InvalidTokenFile = 21,
}
