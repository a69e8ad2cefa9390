using System.CommandLine;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Connectors;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>
/// <c>logout NAME</c>: the inverse of <c>login</c> — removes the cluster, user and context a login of the
/// connector wrote, and clears <c>current-context</c> when it named them. Logging out twice is not an error,
/// as a developer cleaning up should not have to remember whether they already did.
/// </summary>
internal static class LogoutCommand
{
    public static Command Create(CliContext context)
    {
        var name = CommonOptions.ConnectorName("The connector to log out.");
        var kubeconfig = CommonOptions.KubeconfigFile("edit");
        var contextName = CommonOptions.ContextName("The name the login used (--context-name of login). Default: the connector's cluster name.");
        var project = CommonOptions.Project();
        var output = CommonOptions.Output();
        var command = new Command("logout", "Undo a login: removes the connector's cluster, user and context from your kubeconfig (every other entry kept, file locked while writing) and clears the current context if it was the connector's.")
        {
            name, kubeconfig, contextName, project, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var appHost = AppHostProject.Load(context, parse.GetValue(project));
            var record = ConnectorRecord.Read(appHost.Get(parse.GetValue(name)!), appHost.OpenSecrets(context), appHost.Directory);

            // Only the entry name is needed, so an auto-configured connector's exec plugin is not run.
            var spec = await ConnectorSpecs.ResolveAsync(context, record, cancellationToken, runExecPlugins: false).ConfigureAwait(false);
            var request = new LoginRequest(spec, parse.GetValue(kubeconfig) is { } file ? context.ResolvePath(file) : null, parse.GetValue(contextName), Namespace: null);
            var outcome = await ConnectorLogin.LogoutAsync(context, request, cancellationToken).ConfigureAwait(false);

            var data = new JsonObject
            {
                ["name"] = record.Name,
                ["kubeconfig"] = outcome.KubeconfigPath,
                ["context"] = outcome.ContextName,
                ["entriesRemoved"] = outcome.EntriesRemoved,
                ["currentContextCleared"] = outcome.CurrentContextCleared,
            };
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), data, console =>
            {
                if (outcome.EntriesRemoved == 0 && !outcome.CurrentContextCleared)
                {
                    console.WriteLine($"Nothing to remove: {outcome.KubeconfigPath} has no cluster, user or context named '{outcome.ContextName}'.");
                    return;
                }

                console.WriteLine($"Removed {outcome.EntriesRemoved} of the cluster, user and context named '{outcome.ContextName}' from {outcome.KubeconfigPath}.");
                if (outcome.CurrentContextCleared)
                {
                    console.WriteLine("It was the current kubectl context: none is current now (kubectl config use-context NAME picks another).");
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
