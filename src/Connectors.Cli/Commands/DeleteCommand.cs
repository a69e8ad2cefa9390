using System.CommandLine;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Cli.Secrets;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary><c>delete NAME</c>: removes the declaration from the app host and its secret parameters from user secrets.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliContext context)
    {
        var name = CommonOptions.ConnectorName("The connector to delete.");
        var project = CommonOptions.Project();
        var command = new Command("delete", "Delete a connector: removes its <KubernetesConnector> item from the app host project and its secrets from the project's user secrets. Other items and secrets are left as they are.")
        {
            name, project,
        };
        command.SetAction(parse =>
        {
            // One lock per app host guards both its project file and its user secrets.
            var appHost = AppHostProject.LoadForEdit(context, parse.GetValue(project), out var projectLock);
            using var _ = projectLock;
            var item = appHost.Get(parse.GetValue(name)!);

            var removedSecrets = 0;
            if (appHost.OpenSecrets(context) is { } secrets)
            {
                foreach (var suffix in SecretNames.All)
                {
                    removedSecrets += secrets.Remove(SecretNames.ConfigurationKey(item.Name, suffix)) ? 1 : 0;
                }

                if (removedSecrets > 0)
                {
                    secrets.Save();
                }
            }

            appHost.File.Remove(item.Element).Save();
            context.Output.WriteLine(removedSecrets == 0
                ? $"Deleted connector '{item.Name}'."
                : $"Deleted connector '{item.Name}' and its {removedSecrets} secret parameter{(removedSecrets == 1 ? string.Empty : "s")}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
