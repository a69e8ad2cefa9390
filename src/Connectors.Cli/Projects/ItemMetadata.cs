namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>
/// The item and metadata names of the project item contract (README, "Project items"). The CLI writes
/// them in this order; an item written by hand keeps its own order when updated.
/// </summary>
internal static class ItemMetadata
{
    /// <summary>The app host's connector declaration item.</summary>
    public const string ConnectorItem = "KubernetesConnector";

    /// <summary>A component's requirement item.</summary>
    public const string ReferenceItem = "KubernetesConnectorReference";

    public const string Include = "Include";
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

    /// <summary>Every metadata name of a connector item, in the order the CLI writes them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Server, AuthMethod, ClusterName, Namespace, CertificateAuthority, ClientCertificate, ClientKey,
        InsecureSkipTlsVerify, TlsServerName, ExpiresAt, Labels, Default, AutoConfigure, Context, Kubeconfig,
    ];

    /// <summary>Returns the canonical spelling of a metadata name, or null when it is not one.</summary>
    public static string? Canonical(string name) =>
        All.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
}
