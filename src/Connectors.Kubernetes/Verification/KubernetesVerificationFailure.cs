namespace Connectors.Kubernetes.Verification;

/// <summary>What kind of problem stopped a verification.</summary>
public enum KubernetesVerificationFailure
{
    /// <summary>Verification succeeded.</summary>
    None,

    /// <summary>The server could not be reached (refused, unknown host, network down).</summary>
    Unreachable,

    /// <summary>The TLS handshake failed; see <see cref="KubernetesVerificationResult.TlsFailure"/> for why.</summary>
    Tls,

    /// <summary>The server rejected the credentials (401).</summary>
    Unauthorized,

    /// <summary>The credentials were accepted but the identity may not review itself (403).</summary>
    Forbidden,

    /// <summary>The connector's credentials are past their expiry.</summary>
    Expired,

    /// <summary>Verification did not finish within its timeout.</summary>
    Timeout,

    /// <summary>The credentials could not be obtained (token file, exec plugin) or used (certificate material).</summary>
    Credentials,

    /// <summary>The server is plain http: the connector's credentials are never sent to it.</summary>
    InsecureTransport,

    /// <summary>The server answered with something that is not a Kubernetes API response.</summary>
    UnexpectedResponse,
}
