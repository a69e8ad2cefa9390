namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Diagnostic codes reported by connector clients, credential sources and verification (KC1300–KC1349).
/// Exec credential plugins report the kubeconfig codes of <see cref="KubernetesErrorCodes"/> (KC1212–KC1214).
/// Each is listed with its cause and fix in <c>docs/diagnostics.md</c>.
/// </summary>
public static class KubernetesClientErrorCodes
{
    /// <summary>The API server could not be reached (refused, unknown host, network down).</summary>
    public const string Unreachable = "KC1300";

    /// <summary>The server's certificate is not signed by the connector's certificate authority (or a system root).</summary>
    public const string UntrustedCertificate = "KC1301";

    /// <summary>The server's certificate does not carry the expected host name.</summary>
    public const string CertificateNameMismatch = "KC1302";

    /// <summary>The server's certificate is expired or not yet valid.</summary>
    public const string CertificateNotTimeValid = "KC1303";

    /// <summary>The TLS handshake failed for another reason.</summary>
    public const string TlsHandshakeFailed = "KC1304";

    /// <summary>The server rejected the credentials (HTTP 401).</summary>
    public const string Unauthorized = "KC1305";

    /// <summary>The credentials were accepted but the identity may not review itself (HTTP 403).</summary>
    public const string Forbidden = "KC1306";

    /// <summary>The connector's credentials are past their expiry.</summary>
    public const string Expired = "KC1307";

    /// <summary>Verification did not finish within its timeout.</summary>
    public const string Timeout = "KC1308";

    /// <summary>The server answered with something that is not a Kubernetes API response.</summary>
    public const string UnexpectedResponse = "KC1309";

    /// <summary>The server is plain <c>http://</c>: credentials are never sent to it.</summary>
    public const string PlainHttpServer = "KC1310";

    /// <summary>A request addressed a host other than the connector's server; it was refused.</summary>
    public const string ForeignOrigin = "KC1311";

    /// <summary>Warning: <c>InsecureSkipTlsVerify</c> is set, the server's certificate is not checked.</summary>
    public const string InsecureSkipTlsVerify = "KC1312";

    /// <summary>The client certificate or key PEM cannot be used.</summary>
    public const string InvalidClientCertificate = "KC1313";

    /// <summary>The certificate authority PEM cannot be used.</summary>
    public const string InvalidCertificateAuthority = "KC1314";

    /// <summary>The connector's server is not an http(s) URL.</summary>
    public const string InvalidServer = "KC1315";

    /// <summary>The token file cannot be read, or is empty, and no earlier token is known.</summary>
    public const string TokenFileUnreadable = "KC1320";
}
