namespace Connectors.Kubernetes.Generators.Parsing;

/// <summary>
/// The contract between build/Connectors.Kubernetes.targets and the generator.
/// </summary>
/// <remarks>
/// The targets write the project's connector items, one kind per file, to
/// <c>$(IntermediateOutputPath)$(MSBuildProjectName).KubernetesConnectors.{declared|required}.txt</c> (only when the
/// content changes, so no-op builds stay no-op) and add each file as an <c>AdditionalFiles</c> item whose
/// <see cref="KindMetadata"/> metadata (declared compiler-visible in build/Connectors.Kubernetes.props) says
/// which kind it holds. Each line is one item: space-separated <c>Key=Value</c> fields whose values are
/// percent-encoded (<c>Uri.EscapeDataString</c>); lines starting with '#' are comments. Only non-secret
/// metadata is written: the contract keeps secrets out of project files, and we never copy a metadata
/// name we do not know. Identical names are merged by MSBuild batching, so each line carries
/// <see cref="Occurrences"/>: how many items share its name, case-insensitively.
/// </remarks>
internal static class ConnectorManifestFormat
{
    /// <summary>The AdditionalFiles metadata naming the kind of a manifest.</summary>
    public const string KindMetadata = "KubernetesConnectorItems";

    /// <summary>The analyzer-config key of <see cref="KindMetadata"/>.</summary>
    public const string KindOption = "build_metadata.AdditionalFiles." + KindMetadata;

    /// <summary>Kind value for <c>KubernetesConnector</c> items.</summary>
    public const string DeclaredKind = "Declared";

    /// <summary>Kind value for <c>KubernetesConnectorReference</c> items.</summary>
    public const string RequiredKind = "Required";

    /// <summary>The item's Include: the connector name.</summary>
    public const string Name = "Name";

    /// <summary>How many items of the file share the name.</summary>
    public const string Occurrences = "Occurrences";

    /// <summary>The metadata names copied from <c>KubernetesConnector</c> items, in the order the targets write them.</summary>
    public static readonly string[] DeclaredMetadata =
    {
        "Server", "AuthMethod", "ClusterName", "Namespace", "CertificateAuthority", "ClientCertificate", "ClientKey",
        "InsecureSkipTlsVerify", "TlsServerName", "ExpiresAt", "Labels", "Default", "AutoConfigure", "Context", "Kubeconfig",
    };

    /// <summary>MSBuild property overriding the namespace of generated types.</summary>
    public const string NamespaceProperty = "build_property.KubernetesConnectorsNamespace";

    /// <summary>MSBuild property with the project directory (visible by default).</summary>
    public const string ProjectDirProperty = "build_property.ProjectDir";
}
