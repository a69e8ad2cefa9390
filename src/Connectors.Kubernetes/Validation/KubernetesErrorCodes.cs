namespace Connectors.Kubernetes;

/// <summary>
/// The runtime's diagnostic codes that are not shared declaration rules. Shared rules are
/// <c>KC1001</c>–<c>KC1099</c> (rule N is <c>KC1000+N</c>); these start at <c>KC1100</c>.
/// Every code is documented in docs/diagnostics.md.
/// </summary>
public static class KubernetesErrorCodes
{
    /// <summary>The connector is invalid (generic; the diagnostics carry the details).</summary>
    public const string InvalidConnector = "KC1100";

    /// <summary>The connection string is malformed (no '=', an unterminated quote).</summary>
    public const string ConnectionStringSyntax = "KC1101";

    /// <summary>An unknown key in a connection string or configuration section.</summary>
    public const string UnknownKey = "KC1102";

    /// <summary>A key given twice in one connection string.</summary>
    public const string DuplicateKey = "KC1103";

    /// <summary>Neither <c>ConnectionStrings:{name}</c> nor <c>Connectors:Kubernetes:{name}</c> is configured.</summary>
    public const string ConnectorNotConfigured = "KC1104";

    /// <summary>A kubeconfig file given explicitly does not exist.</summary>
    public const string KubeconfigNotFound = "KC1200";

    /// <summary>A kubeconfig file is not valid YAML.</summary>
    public const string KubeconfigYamlSyntax = "KC1201";

    /// <summary>A kubeconfig field has the wrong shape (a map where a list belongs, a list entry without a name).</summary>
    public const string KubeconfigInvalidStructure = "KC1202";

    /// <summary>A kubeconfig <c>*-data</c> field is not valid base64.</summary>
    public const string KubeconfigInvalidBase64 = "KC1203";

    /// <summary>The requested context does not exist.</summary>
    public const string KubeconfigContextNotFound = "KC1204";

    /// <summary>The context names a cluster that does not exist.</summary>
    public const string KubeconfigClusterNotFound = "KC1205";

    /// <summary>The context names a user that does not exist.</summary>
    public const string KubeconfigUserNotFound = "KC1206";

    /// <summary>No context was requested and the kubeconfig has no current-context.</summary>
    public const string KubeconfigNoCurrentContext = "KC1207";

    /// <summary>The user uses an auth-provider, which is not supported (use an exec plugin).</summary>
    public const string KubeconfigAuthProviderNotSupported = "KC1208";

    /// <summary>The user has conflicting authentication settings (kubectl rejects it too).</summary>
    public const string KubeconfigConflictingAuth = "KC1209";

    /// <summary>A file the kubeconfig refers to (certificate, key, token file) cannot be read.</summary>
    public const string KubeconfigFileUnreadable = "KC1210";

    /// <summary>An exec plugin entry is incomplete or invalid.</summary>
    public const string KubeconfigInvalidExec = "KC1211";

    /// <summary>An exec plugin could not be started or exited with an error.</summary>
    public const string ExecPluginFailed = "KC1212";

    /// <summary>An exec plugin did not finish in time.</summary>
    public const string ExecPluginTimedOut = "KC1213";

    /// <summary>An exec plugin printed something that is not a valid ExecCredential.</summary>
    public const string ExecPluginInvalidOutput = "KC1214";

    /// <summary>One kubeconfig file defines the same cluster, user or context name twice.</summary>
    public const string KubeconfigDuplicateName = "KC1215";

    /// <summary>The cluster has no server.</summary>
    public const string KubeconfigClusterWithoutServer = "KC1216";

    /// <summary>The exec plugin needs a terminal (interactiveMode Always) and none is available.</summary>
    public const string ExecPluginNeedsTerminal = "KC1217";
}
