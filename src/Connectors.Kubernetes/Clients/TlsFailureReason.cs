namespace Connectors.Kubernetes.Clients;

/// <summary>Why the server's certificate was refused.</summary>
public enum TlsFailureReason
{
    /// <summary>The certificate was accepted (or TLS was not the problem).</summary>
    None,

    /// <summary>The certificate does not chain to the connector's certificate authority (or, with none set, a system root).</summary>
    UntrustedCertificate,

    /// <summary>The certificate does not carry the expected host name (the server's host, or <c>TlsServerName</c>).</summary>
    NameMismatch,

    /// <summary>The certificate is expired or not yet valid.</summary>
    NotTimeValid,

    /// <summary>The server presented no certificate.</summary>
    NoCertificate,
}
