namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// Diagnostic codes of kubeconfig writing and kubectl login (KC1350–KC1369). Each is listed with
/// its cause and fix in <c>docs/diagnostics.md</c>.
/// </summary>
public static class KubeconfigWriteErrorCodes
{
    /// <summary>Another process holds the kubeconfig's <c>.lock</c> file.</summary>
    public const string LockHeld = "KC1350";

    /// <summary>The existing kubeconfig is not a YAML mapping we can merge into; it was left untouched.</summary>
    public const string CannotMerge = "KC1351";

    /// <summary>The kubeconfig could not be written (permissions, disk full); the old file is untouched.</summary>
    public const string WriteFailed = "KC1352";

    /// <summary>The kubeconfig entry name is not usable as a kubectl context name.</summary>
    public const string InvalidEntryName = "KC1353";
}
