using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Verification;

namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>Proves a connector's credentials with the core verifier (identity, server version, latency) and maps the result for printing.</summary>
internal static class ConnectorVerification
{
    public static async Task<VerifyOutcome> VerifyAsync(CliContext context, ConnectorRecord record, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var spec = await ConnectorSpecs.ResolveAsync(context, record, cancellationToken).ConfigureAwait(false);
        var options = new KubernetesConnectorClientOptions { VerifyTimeout = timeout, ConnectTimeout = timeout, TimeProvider = context.Time };
        var results = await KubernetesVerifier.VerifyAllAsync([spec], options, cancellationToken).ConfigureAwait(false);
        var result = results[0];
        return new VerifyOutcome
        {
            Connector = record.Name,
            ResourceName = result.ResourceName,
            Server = result.Server,
            Succeeded = result.Succeeded,
            User = result.Identity?.Username,
            Groups = result.Identity?.Groups ?? [],
            ServerVersion = result.ServerVersion,
            Latency = result.Latency,
            ExpiresAt = result.ExpiresAt,
            Failure = result.Succeeded ? null : result.Failure.ToString().ToLowerInvariant(),
            Code = result.Code,
            Message = result.Message,
        };
    }

    /// <summary>Verifies before a write; a failure stops the command (KC5116) with the classified reason, and nothing is written.</summary>
    public static async Task<VerifyOutcome> VerifyOrFailAsync(CliContext context, ConnectorRecord record, TimeSpan timeout, string notDoneMessage, CancellationToken cancellationToken)
    {
        var outcome = await VerifyAsync(context, record, timeout, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw new CliException(
                CliDiagnostics.VerificationFailed,
                $"{notDoneMessage}: verification failed ({outcome.Failure}{(outcome.Code is null ? string.Empty : ", " + outcome.Code)}): {outcome.Message}",
                "Fix the server or credentials, or save without checking with --no-verify.");
        }

        return outcome;
    }
}
