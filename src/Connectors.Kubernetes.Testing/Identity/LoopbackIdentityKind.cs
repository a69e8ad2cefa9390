namespace Connectors.Kubernetes.Testing;

/// <summary>How a <see cref="LoopbackIdentity"/> proves who it is.</summary>
public enum LoopbackIdentityKind
{
    /// <summary>A bearer token in the <c>Authorization</c> header.</summary>
    Token,

    /// <summary>HTTP basic authentication with a user name and password.</summary>
    Basic,

    /// <summary>A client certificate signed by the server's CA (user from CN, groups from O).</summary>
    ClientCertificate,
}
