using System.CommandLine;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Connectors;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;
using Spectre.Console;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>
/// <c>login NAME</c>: configures the local kubectl with the connector — one cluster, user and context
/// merged into the kubeconfig kubectl would write to, made the current context.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(CliContext context)
    {
        var name = CommonOptions.ConnectorName("The connector to log in with.");
        var kubeconfig = CommonOptions.KubeconfigFile("write");
        var contextName = CommonOptions.ContextName("The name of the kubectl context to write. Default: the connector's cluster name.");
        var ns = new Option<string?>("--namespace", "-n") { Description = "The namespace the context uses. Default: the connector's namespace.", HelpName = "namespace" };
        var project = CommonOptions.Project();
        var output = CommonOptions.Output();
        var command = new Command("login", "Configure the local kubectl with a connector: merges a cluster, a user and a context into your kubeconfig (every other entry kept, file locked while writing) and makes that context current.")
        {
            name, kubeconfig, contextName, ns, project, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var appHost = AppHostProject.Load(context, parse.GetValue(project));
            var record = ConnectorRecord.Read(appHost.Get(parse.GetValue(name)!), appHost.OpenSecrets(context), appHost.Directory);
            var spec = await ConnectorSpecs.ResolveAsync(context, record, cancellationToken).ConfigureAwait(false);
            var request = new LoginRequest(
                spec,
                parse.GetValue(kubeconfig) is { } file ? context.ResolvePath(file) : null,
                parse.GetValue(contextName),
                parse.GetValue(ns));

            LoginOutcome outcome;
            var message = $"Configuring kubectl with connector '{record.Name}'...";
            if (context.IsOutputTerminal)
            {
                outcome = await context.ErrorConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(message, _ => ConnectorLogin.LoginAsync(context, request, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                outcome = await ConnectorLogin.LoginAsync(context, request, cancellationToken).ConfigureAwait(false);
            }

            var data = new JsonObject
            {
                ["name"] = record.Name,
                ["kubeconfig"] = outcome.KubeconfigPath,
                ["context"] = outcome.ContextName,
                ["cluster"] = outcome.ClusterName,
                ["user"] = outcome.UserName,
                ["namespace"] = outcome.Namespace,
                ["currentContext"] = outcome.ContextName,
            };
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), data, console =>
            {
                console.WriteLine($"Wrote cluster '{outcome.ClusterName}', user '{outcome.UserName}' and context '{outcome.ContextName}' to {outcome.KubeconfigPath}.");
                console.WriteLine($"The current kubectl context is now '{outcome.ContextName}'{(outcome.Namespace is null ? string.Empty : $" (namespace '{outcome.Namespace}')")}: kubectl talks to '{spec.EffectiveClusterName}' with connector '{record.Name}'.");
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
