namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Diagnostic codes reported by connector clients, credential sources and verification (KC1130–KC1199).
/// Each is listed with its cause and fix in <c>docs/diagnostics.md</c>.
/// </summary>
public static class KubernetesClientErrorCodes
{
    /// <summary>The API server could not be reached (refused, unknown host, network down).</summary>
    public const string Unreachable = "KC1130";

    /// <summary>The server's certificate is not signed by the connector's certificate authority (or a system root).</summary>
    public const string UntrustedCertificate = "KC1131";

    /// <summary>The server's certificate does not carry the expected host name.</summary>
    public const string CertificateNameMismatch = "KC1132";

    /// <summary>The server's certificate is expired or not yet valid.</summary>
    public const string CertificateNotTimeValid = "KC1133";

    /// <summary>The TLS handshake failed for another reason.</summary>
    public const string TlsHandshakeFailed = "KC1134";

    /// <summary>The server rejected the credentials (HTTP 401).</summary>
    public const string Unauthorized = "KC1135";

    /// <summary>The credentials were accepted but the identity may not review itself (HTTP 403).</summary>
    public const string Forbidden = "KC1136";

    /// <summary>The connector's credentials are past their expiry.</summary>
    public const string Expired = "KC1137";

    /// <summary>Verification did not finish within its timeout.</summary>
    public const string Timeout = "KC1138";

    /// <summary>The server answered with something that is not a Kubernetes API response.</summary>
    public const string UnexpectedResponse = "KC1139";

    /// <summary>The server is plain <c>http://</c>: credentials are never sent to it.</summary>
    public const string PlainHttpServer = "KC1140";

    /// <summary>A request addressed a host other than the connector's server; it was refused.</summary>
    public const string ForeignOrigin = "KC1141";

    /// <summary>Warning: <c>InsecureSkipTlsVerify</c> is set, the server's certificate is not checked.</summary>
    public const string InsecureSkipTlsVerify = "KC1142";

    /// <summary>The client certificate or key PEM cannot be used.</summary>
    public const string InvalidClientCertificate = "KC1143";

    /// <summary>The certificate authority PEM cannot be used.</summary>
    public const string InvalidCertificateAuthority = "KC1144";

    /// <summary>The connector's server is not an http(s) URL.</summary>
    public const string InvalidServer = "KC1145";

    /// <summary>The token file cannot be read, or is empty, and no earlier token is known.</summary>
    public const string TokenFileUnreadable = "KC1150";

    /// <summary>The exec credential plugin could not be started.</summary>
    public const string ExecPluginNotStarted = "KC1151";

    /// <summary>The exec credential plugin exited with a non-zero code.</summary>
    public const string ExecPluginFailed = "KC1152";

    /// <summary>The exec credential plugin printed something that is not a usable ExecCredential.</summary>
    public const string ExecPluginInvalidOutput = "KC1153";

    /// <summary>The exec credential plugin did not finish in time.</summary>
    public const string ExecPluginTimedOut = "KC1154";
}
