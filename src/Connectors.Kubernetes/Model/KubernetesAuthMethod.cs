namespace Connectors.Kubernetes;

/// <summary>How a connector authenticates to the API server. Wire names: <c>token</c>, <c>password</c>.</summary>
public enum KubernetesAuthMethod
{
    /// <summary>
    /// A bearer token (possibly empty, as k3d-style clusters use), optionally with a client certificate
    /// and key; this is also the method of exec-plugin credentials.
    /// </summary>
    Token,

    /// <summary>HTTP basic authentication with a username and a password. Not for production.</summary>
    Password,
}
