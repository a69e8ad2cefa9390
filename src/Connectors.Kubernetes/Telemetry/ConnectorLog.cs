using Microsoft.Extensions.Logging;

namespace Connectors.Kubernetes.Telemetry;

/// <summary>
/// The injected clients' log messages. Every argument is a name, a server address, a code or a
/// time — never a credential (messages from the validator and verifier are secret-free by contract).
/// </summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 1410, Level = LogLevel.Information,
        Message = "Kubernetes connector '{Connector}' is ready: server {Server}, auth method {AuthMethod}, namespace {Namespace}")]
    public static partial void Ready(ILogger logger, string connector, string server, string authMethod, string? @namespace);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Kubernetes connector '{Connector}': {Code} {Field}: {Message}")]
    public static partial void ValidationWarning(ILogger logger, string connector, string code, string field, string message);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Information,
        Message = "Kubernetes connector '{Connector}' verified in {LatencyMs} ms: identity {Identity}, server version {ServerVersion}")]
    public static partial void Verified(ILogger logger, string connector, double latencyMs, string? identity, string? serverVersion);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Warning,
        Message = "Kubernetes connector '{Connector}' failed verification ({Failure}) in {LatencyMs} ms: {Code} {Message}")]
    public static partial void VerifyFailed(ILogger logger, string connector, string failure, double latencyMs, string? code, string? message);

    [LoggerMessage(EventId = 1414, Level = LogLevel.Information,
        Message = "Kubernetes connector '{Connector}' refreshed its credentials (changed: {Changed}); they now expire at {ExpiresAt}")]
    public static partial void Refreshed(ILogger logger, string connector, bool changed, DateTimeOffset? expiresAt);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Warning,
        Message = "KC1407: Kubernetes connector '{Connector}' could not refresh its credentials ({Code}); the last good credentials stay in use")]
    public static partial void RefreshFailed(ILogger logger, string connector, string code);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Warning,
        Message = "KC1406: the credentials of Kubernetes connector '{Connector}' expire at {ExpiresAt} and nothing can refresh them (static token or certificate); issue new credentials before then")]
    public static partial void CredentialsExpiring(ILogger logger, string connector, DateTimeOffset expiresAt);
}
