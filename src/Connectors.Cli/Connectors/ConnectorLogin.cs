using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Login;

namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>Writes a connector into the local kubeconfig, or takes it out again, with the core's kubectl-compatible writer (lock file, atomic replace, unrelated entries kept).</summary>
internal static class ConnectorLogin
{
    public static async Task<LoginOutcome> LoginAsync(CliContext context, LoginRequest request, CancellationToken cancellationToken)
    {
        var options = Options(context, request);
        options.Namespace = request.Namespace;
        options.SetCurrentContext = true;
        var result = await KubeconfigLogin.LoginAsync(request.Spec, options, cancellationToken).ConfigureAwait(false);
        return new LoginOutcome(result.KubeconfigPath, result.ContextName, result.ContextName, result.ContextName, request.Namespace ?? request.Spec.Namespace);
    }

    /// <summary>Removes what a login of this connector wrote (same lock and atomic replace); a file with nothing to remove is left as it is.</summary>
    public static async Task<LogoutOutcome> LogoutAsync(CliContext context, LoginRequest request, CancellationToken cancellationToken)
    {
        var result = await KubeconfigLogin.LogoutAsync(request.Spec, Options(context, request), cancellationToken).ConfigureAwait(false);
        return new LogoutOutcome(result.KubeconfigPath, result.ContextName, result.EntriesRemoved, result.CurrentContextChanged);
    }

    /// <summary>The file and entry name a login and its logout share.</summary>
    private static KubeconfigLoginOptions Options(CliContext context, LoginRequest request) => new()
    {
        KubeconfigPath = KubeconfigLift.LoginTarget(context, request.KubeconfigPath),
        ContextName = request.ContextName,

        // kubectl refuses at once when the lock is held; so does the tool (KC1350).
        LockWait = TimeSpan.Zero,
    };
}
