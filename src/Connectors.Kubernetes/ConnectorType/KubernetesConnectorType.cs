namespace Connectors.Kubernetes;

/// <summary>
/// What the Kubernetes Service Connector type is and offers, for <c>list-types</c> and
/// <c>describe-type</c>: its names, its resource type, its auth methods and their fields.
/// </summary>
public static class KubernetesConnectorType
{
    /// <summary>The display name.</summary>
    public const string Name = "Kubernetes Service Connector";

    /// <summary>The connector type id.</summary>
    public const string Type = "kubernetes";

    /// <summary>The one resource type: a generic Kubernetes cluster.</summary>
    public const string ResourceType = "kubernetes-cluster";

    /// <summary>A one-paragraph description.</summary>
    public const string Description =
        "Authenticates to any Kubernetes cluster and hands ready IKubernetes clients to the components that need one, " +
        "with a bearer token (optionally with a client certificate, or empty for clusters such as k3d) or a username and password. " +
        "Credentials can be lifted from a local kubeconfig context (auto-configuration) and written back into one (login).";

    /// <summary>What a resource name of <see cref="ResourceType"/> is.</summary>
    public const string ResourceDescription =
        "A Kubernetes cluster, named by the cluster name given at registration or, by default, the API server host.";

    /// <summary>Credentials can be lifted from a local kubeconfig.</summary>
    public const bool SupportsAutoConfiguration = true;

    /// <summary>Connectors can be used on the local machine (CLI, login).</summary>
    public const bool IsLocal = true;

    /// <summary>Connectors can be used by deployed components.</summary>
    public const bool IsRemote = true;

    /// <summary>The resource types served.</summary>
    public static IReadOnlyList<string> ResourceTypes { get; } = [ResourceType];

    /// <summary>The fields every auth method shares: where the cluster is and how to trust it.</summary>
    public static IReadOnlyList<KubernetesConnectorFieldDescriptor> ClusterFields { get; } =
    [
        new(KubernetesConnectorKeys.Server, "url", false, true, "The API server URL, e.g. https://kube-prod.example.test:6443."),
        new(KubernetesConnectorKeys.ClusterName, "string", false, false, "A friendly cluster name; defaults to the server host."),
        new(KubernetesConnectorKeys.CertificateAuthorityData, "pem", false, false, "The cluster CA certificate (PEM, base64 or a file path); the system trust store when absent.", "certificate-authority"),
        new(KubernetesConnectorKeys.InsecureSkipTlsVerify, "bool", false, false, "Skip TLS verification of the server. Never together with a CA; not for production."),
        new(KubernetesConnectorKeys.TlsServerName, "string", false, false, "The name to expect on the server certificate when it differs from the server host."),
        new(KubernetesConnectorKeys.Namespace, "string", false, false, "The default namespace of clients."),
        new(KubernetesConnectorKeys.ExpiresAt, "datetime", false, false, "When the credentials expire (ISO 8601), if they do."),
    ];

    /// <summary>The auth methods, <c>password</c> then <c>token</c> as ZenML lists them.</summary>
    public static IReadOnlyList<KubernetesAuthMethodDescriptor> AuthMethods { get; } =
    [
        new(
            KubernetesAuthMethod.Password,
            "Kubernetes username and password",
            "HTTP basic authentication. Most clusters disable it; not recommended for production.",
            [
                .. ClusterFields,
                new(KubernetesConnectorKeys.Username, "string", true, true, "The user name.", "username"),
                new(KubernetesConnectorKeys.Password, "string", true, true, "The password.", "password"),
            ]),
        new(
            KubernetesAuthMethod.Token,
            "Kubernetes authentication token",
            "A bearer token, optionally with a client certificate and key. The token may be empty for clusters that authenticate by certificate only or not at all (k3d).",
            [
                .. ClusterFields,
                new(KubernetesConnectorKeys.Token, "string", true, false, "The bearer token; empty or absent for certificate-only or open clusters.", "token"),
                new(KubernetesConnectorKeys.TokenFile, "path", false, false, "A file the token is read from (and re-read when it rotates), instead of Token."),
                new(KubernetesConnectorKeys.ClientCertificateData, "pem", false, false, "The client certificate (PEM, base64 or a file path); needs ClientKeyData.", "client-certificate"),
                new(KubernetesConnectorKeys.ClientKeyData, "pem", true, false, "The client private key matching the certificate.", "client-key"),
            ]),
    ];

    /// <summary>Returns the descriptor of <paramref name="method"/>.</summary>
    public static KubernetesAuthMethodDescriptor GetAuthMethod(KubernetesAuthMethod method) => AuthMethods.First(m => m.Method == method);
}
