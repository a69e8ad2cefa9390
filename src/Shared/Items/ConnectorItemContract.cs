// Shared source: compiled into the runtime, the MSBuild task and the CLI, so the project item contract
// (README, "Project item contract") is spelled in one place.
namespace Connectors.Kubernetes.Items;

/// <summary>The item types and metadata names of <c>&lt;KubernetesConnector&gt;</c> and <c>&lt;KubernetesConnectorReference&gt;</c>.</summary>
internal static class ConnectorItemContract
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

    /// <summary>Every metadata name of a connector item, in the order the CLI writes them.</summary>
    public static readonly IReadOnlyList<string> Ordered =
    [
        Server, AuthMethod, ClusterName, Namespace, CertificateAuthority, ClientCertificate, ClientKey,
        InsecureSkipTlsVerify, TlsServerName, ExpiresAt, Labels, Default, AutoConfigure, Context, Kubeconfig,
    ];

    /// <summary>Every metadata name the contract defines, compared as MSBuild does (ignoring case).</summary>
    public static readonly IReadOnlyCollection<string> Known = new HashSet<string>(Ordered, StringComparer.OrdinalIgnoreCase);
}
