namespace Connectors.Kubernetes.Build.Diagnostics;

/// <summary>
/// The codes the MSBuild layer reports on its own. Shared declaration rules keep their rule number
/// (rule N is <c>KC2000+N</c>, via <c>ConnectorRules.Code</c>); checks only a build can make start
/// at <c>KC2100</c> so the two ranges never collide.
/// </summary>
internal static class BuildDiagnosticCodes
{
    /// <summary>The validation itself failed unexpectedly; reported as a warning with the way to skip it.</summary>
    public const string ValidationCrashed = "KC2100";

    /// <summary>Two <c>KubernetesConnector</c> items share a name.</summary>
    public const string DuplicateName = "KC2101";

    // KC2102 is not used: secrets written into the project file are shared rule 17 (KC2017).

    /// <summary>A secret parameter of a connector has no value in user secrets, appsettings or the environment.</summary>
    public const string SecretParameterMissing = "KC2103";

    /// <summary>The project's user secrets file cannot be read as JSON.</summary>
    public const string UserSecretsUnreadable = "KC2104";

    /// <summary>An auto-configure connector finds no kubeconfig file.</summary>
    public const string KubeconfigNotFound = "KC2105";

    /// <summary>An auto-configure connector names a context the kubeconfig does not have.</summary>
    public const string KubeconfigContextNotFound = "KC2106";

    /// <summary>The credentials an auto-configure connector would lift have already expired.</summary>
    public const string LiftedCredentialsExpired = "KC2107";

    /// <summary>A referenced component requires a connector the app host does not declare.</summary>
    public const string RequiredConnectorNotDeclared = "KC2108";

    /// <summary>A <c>KubernetesConnector</c> item carries metadata the contract does not know (a typo, usually).</summary>
    public const string UnknownMetadata = "KC2109";

    /// <summary>A kubeconfig file exists but cannot be read.</summary>
    public const string KubeconfigUnreadable = "KC2110";

    /// <summary><c>AutoConfigure</c> or <c>Default</c> is not <c>true</c> or <c>false</c>.</summary>
    public const string InvalidItemBoolean = "KC2111";

    /// <summary><c>Labels</c> is not a list of <c>key=value</c> pairs.</summary>
    public const string InvalidLabels = "KC2112";

    /// <summary><c>Context</c> or <c>Kubeconfig</c> on an item that is not auto-configured: ignored.</summary>
    public const string AutoConfigureMetadataIgnored = "KC2113";

    /// <summary>More than one connector is marked <c>Default="true"</c>.</summary>
    public const string MultipleDefaults = "KC2114";

}
