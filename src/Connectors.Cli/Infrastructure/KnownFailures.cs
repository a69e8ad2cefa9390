using Connectors.Kubernetes.Kubeconfig;

namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>
/// Maps failures raised below the command line (the connector core, the file system) to one coded
/// line and an exit code. Core exceptions carry their own KC1xxx code and a message that never holds
/// a secret; anything unexpected becomes KC5121 with its type and message.
/// </summary>
internal static class KnownFailures
{
    public sealed record Failure(string Code, string Message, string? Hint, int ExitCode);

    public static Failure? Translate(Exception exception) => exception switch
    {
        KubernetesConnectorException core => new Failure(core.Code, core.Message, null, ExitCodeOf(core.Code)),
        UnauthorizedAccessException or IOException => new Failure(
            CliDiagnostics.FileWriteFailed.Code,
            exception.Message,
            "Check the path and its permissions.",
            CliDiagnostics.FileWriteFailed.ExitCode),
        _ => new Failure(
            CliDiagnostics.Unexpected.Code,
            $"{exception.GetType().Name}: {exception.Message}",
            "This is a bug in dotnet connector; please report it with the command you ran (without secrets).",
            CliDiagnostics.Unexpected.ExitCode),
    };

    /// <summary>Exit code of a core (KC1xxx) failure: a held kubeconfig lock is a conflict, a missing kubeconfig or entry is "not found", the rest "invalid".</summary>
    private static int ExitCodeOf(string code) => code switch
    {
        KubeconfigWriteErrorCodes.LockHeld => ExitCodes.Conflict,
        KubernetesErrorCodes.KubeconfigNotFound or KubernetesErrorCodes.KubeconfigContextNotFound
            or KubernetesErrorCodes.KubeconfigClusterNotFound or KubernetesErrorCodes.KubeconfigUserNotFound => ExitCodes.NotFound,
        _ => ExitCodes.Invalid,
    };
}
