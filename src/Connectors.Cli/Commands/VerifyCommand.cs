using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Connectors;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Describe;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary><c>verify NAME</c>: proves the connector's credentials against its cluster and says who they are, or why not.</summary>
internal static class VerifyCommand
{
    public static Option<TimeSpan> TimeoutOption() => new("--timeout")
    {
        Description = "How long to wait for the cluster, in seconds.",
        HelpName = "seconds",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(15),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            result.AddError($"--timeout takes a number of seconds between 0 and 3600, not '{text}'.");
            return default;
        },
    };

    public static Command Create(CliContext context)
    {
        var name = CommonOptions.ConnectorName("The connector to verify.");
        var timeout = TimeoutOption();
        var project = CommonOptions.Project();
        var output = CommonOptions.Output();
        var command = new Command("verify", "Verify a connector: contact its cluster, prove the credentials are accepted, and show the identity they authenticate as — or the classified reason they do not (unreachable, TLS, unauthorized, forbidden, expired, timeout). Exit code 6 when they do not.")
        {
            name, timeout, project, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var appHost = AppHostProject.Load(context, parse.GetValue(project));
            var record = ConnectorRecord.Read(appHost.Get(parse.GetValue(name)!), appHost.OpenSecrets(context), appHost.Directory);
            var outcome = await ConnectorVerification.VerifyAsync(context, record, parse.GetValue(timeout), cancellationToken).ConfigureAwait(false);
            var format = CommonOptions.ParseFormat(parse.GetValue(output));
            ResultWriter.Write(context, format, ToJson(outcome, context.Time.GetUtcNow()), console =>
            {
                if (!outcome.Succeeded)
                {
                    return;
                }

                console.WriteLine($"Connector '{outcome.Connector}' is verified: its credentials are accepted by the cluster.");
                console.Write(Tables.Create("RESOURCE TYPE", "RESOURCE NAMES").Row(KubernetesConnectorType.ResourceType, outcome.ResourceName));
                console.Write(Tables.Properties("Verification", Details(outcome, context.Time.GetUtcNow())));
            });

            if (!outcome.Succeeded)
            {
                throw new CliException(
                    CliDiagnostics.VerificationFailed,
                    $"Connector '{outcome.Connector}' cannot access cluster '{outcome.ResourceName}' ({outcome.Failure}{(outcome.Code is null ? string.Empty : ", " + outcome.Code)}): {outcome.Message}",
                    FixFor(outcome.Failure, outcome.Connector));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>verify -o json</c> document (schema in docs/cli.md).</summary>
    internal static JsonObject ToJson(VerifyOutcome outcome, DateTimeOffset now) => new()
    {
        ["name"] = outcome.Connector,
        ["succeeded"] = outcome.Succeeded,
        ["resourceType"] = KubernetesConnectorType.ResourceType,
        ["resourceName"] = outcome.ResourceName,
        ["server"] = outcome.Server,
        ["user"] = outcome.User,
        ["groups"] = new JsonArray([.. outcome.Groups.Select(g => (JsonNode)JsonValue.Create(g))]),
        ["serverVersion"] = outcome.ServerVersion,
        ["latencyMs"] = (long)Math.Round(outcome.Latency.TotalMilliseconds),
        ["expiresAt"] = Durations.Iso(outcome.ExpiresAt),
        ["expiresIn"] = KubernetesConnectorDescriber.ExpiresIn(outcome.ExpiresAt, now),
        ["failure"] = outcome.Failure,
        ["code"] = outcome.Code,
        ["message"] = outcome.Message,
    };

    private static IEnumerable<KeyValuePair<string, string>> Details(VerifyOutcome outcome, DateTimeOffset now)
    {
        yield return new("SERVER", outcome.Server);
        yield return new("USER", string.IsNullOrEmpty(outcome.User) ? "(not reported by the server)" : outcome.User);
        yield return new("GROUPS", outcome.Groups.Count == 0 ? "-" : string.Join("\n", outcome.Groups));
        yield return new("SERVER VERSION", outcome.ServerVersion ?? "-");
        yield return new("LATENCY", ((long)Math.Round(outcome.Latency.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + " ms");
        yield return new("EXPIRES IN", KubernetesConnectorDescriber.ExpiresIn(outcome.ExpiresAt, now));
    }

    private static string FixFor(string? failure, string name) => failure switch
    {
        "unreachable" or "timeout" => "Check that the server URL is right and the cluster is running and reachable from here.",
        "tls" => $"Check the connector's CA (dotnet connector update {name} --certificate-authority <file>) or its TLS server name.",
        "unauthorized" or "expired" or "credentials" => $"Give fresh credentials: dotnet connector update {name} --token @<file> (or register again with --auto-configure).",
        "forbidden" => "The credentials are valid but not allowed to review themselves; ask the cluster admin for the right role.",
        _ => $"Run 'dotnet connector describe {name}' to check its settings.",
    };
}
