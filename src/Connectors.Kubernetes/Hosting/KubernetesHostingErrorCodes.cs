namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// The <c>KC4xxx</c> codes of the app-host (Aspire) integration. <c>KC4001</c>–<c>KC4099</c> are the shared
/// declaration rules found in the app host (rule N is <c>KC4000+N</c>, as it is <c>KC1000+N</c> at run time);
/// <c>KC41xx</c> belong to hosting alone. Each is listed with cause and fix in <c>docs/diagnostics.md</c>.
/// </summary>
public static class KubernetesHostingErrorCodes
{
    /// <summary>Base of the shared declaration rules in the app host.</summary>
    public const int RuleBase = 4000;

    /// <summary>A parameter value cannot be carried in a connection string value (a <c>;</c>, a leading quote, or surrounding spaces).</summary>
    public const string ValueNotCarried = "KC4101";

    /// <summary>The connector's resolved settings are invalid (the runtime's <c>KC1xxx</c> codes are listed).</summary>
    public const string InvalidSettings = "KC4102";

    /// <summary>Auto-configure could not lift the kubeconfig context.</summary>
    public const string AutoConfigureFailed = "KC4103";

    /// <summary>Refreshing a short-lived credential failed; components keep the last token until it expires.</summary>
    public const string RefreshFailed = "KC4104";

    /// <summary>Configuring the local kubectl context (<c>WithKubectlLogin</c>) failed.</summary>
    public const string KubectlLoginFailed = "KC4105";

    /// <summary>A parameter the connector needs has no value.</summary>
    public const string MissingParameterValue = "KC4106";

    /// <summary>The health check could not verify access to the cluster.</summary>
    public const string VerifyFailed = "KC4107";

    /// <summary>Certificate material of the declaration cannot be loaded.</summary>
    public const string InvalidMaterial = "KC4108";

    /// <summary>The connector's declaration is invalid (at publish time the shared rule codes are listed).</summary>
    public const string InvalidDeclaration = "KC4109";
}
