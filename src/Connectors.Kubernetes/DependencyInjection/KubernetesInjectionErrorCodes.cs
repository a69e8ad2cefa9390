namespace Connectors.Kubernetes;

/// <summary>
/// Diagnostic codes of the injected-client integration (<c>AddKubernetesConnectorClient</c>, health
/// checks, refresh): <c>KC1400</c>–<c>KC1449</c>. Each is listed with its cause and fix in
/// <c>docs/diagnostics.md</c>.
/// </summary>
public static class KubernetesInjectionErrorCodes
{
    /// <summary>The connector name given to <c>AddKubernetesConnectorClient</c> breaks the naming rule.</summary>
    public const string InvalidConnectorName = "KC1400";

    /// <summary>A client setting (<c>DisableHealthChecks</c>, <c>HealthCheckTimeout</c>, …) has a value of the wrong form.</summary>
    public const string InvalidSetting = "KC1401";

    /// <summary>Connectors the component requires are not registered or have no configuration.</summary>
    public const string RequiredConnectorsMissing = "KC1402";

    /// <summary>A non-keyed client was requested but no connector is registered.</summary>
    public const string NoDefaultConnector = "KC1403";

    /// <summary>A non-keyed client was requested but several connectors qualify (none or more than one is marked <c>Default</c>).</summary>
    public const string AmbiguousDefaultConnector = "KC1404";

    /// <summary>Several connectors failed their start-up checks; each failure is listed with its own code.</summary>
    public const string SeveralConnectorsInvalid = "KC1405";

    /// <summary>Warning: the connector's credentials expire soon (or have expired) and nothing can refresh them.</summary>
    public const string CredentialsExpiring = "KC1406";

    /// <summary>Warning: refreshing the connector's credentials failed; the last good credentials stay in use.</summary>
    public const string RefreshFailed = "KC1407";
}
