namespace Connectors.Kubernetes.Build.Items;

/// <summary>
/// The metadata names of a <c>KubernetesConnector</c> item (README, "Project item contract"), and the
/// names that must never appear on one because they would put a secret into the project file.
/// </summary>
internal static class ConnectorMetadata
{
    /// <summary>The item type an app host declares connectors with.</summary>
    public const string ItemType = "KubernetesConnector";

    /// <summary>The item type a component declares the connectors it needs with.</summary>
    public const string ReferenceItemType = "KubernetesConnectorReference";

    public const string Server = "Server";
    public const string AuthMethod = "AuthMethod";
    public const string ClusterName = "ClusterName";
    public const string Namespace = "Namespace";
    public const string CertificateAuthority = "CertificateAuthority";
    public const string ClientCertificate = "ClientCertificate";
    public const string ClientKey = "ClientKey";
    public const string InsecureSkipTlsVerify = "InsecureSkipTlsVerify";
    public const string TlsServerName = "TlsServerName";
    public const string ExpiresAt = "ExpiresAt";
    public const string Labels = "Labels";
    public const string Default = "Default";
    public const string AutoConfigure = "AutoConfigure";
    public const string Context = "Context";
    public const string Kubeconfig = "Kubeconfig";

    /// <summary>Every metadata name the contract defines.</summary>
    public static readonly IReadOnlyCollection<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Server, AuthMethod, ClusterName, Namespace, CertificateAuthority, ClientCertificate, ClientKey,
        InsecureSkipTlsVerify, TlsServerName, ExpiresAt, Labels, Default, AutoConfigure, Context, Kubeconfig,
    };

    /// <summary>
    /// Metadata names that carry a secret, or data that the contract takes as a path. They are handed to
    /// the shared validator, which rejects inline secrets (KC2017) without repeating the value.
    /// </summary>
    public static readonly IReadOnlyCollection<string> Secret = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Token", "Username", "Password", "ClientKeyData", "ClientCertificateData",
    };
}
