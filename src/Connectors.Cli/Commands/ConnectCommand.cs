using Connectors.Kubernetes.Items;
using System.CommandLine;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Projects;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>
/// <c>connect</c> and <c>disconnect</c>: add or remove a <c>&lt;KubernetesConnectorReference&gt;</c> in a
/// component project, which declares that the component needs the connector (the build then checks
/// the app host declares it, and the generator registers its client).
/// </summary>
internal static class ConnectCommand
{
    public static Command CreateConnect(CliContext context)
    {
        var component = ComponentArgument();
        var connector = ConnectorOption();
        var project = CommonOptions.Project();
        project.Description = "The app host project (or its folder) used to check that the connector is declared. Default: the project in the current folder, when there is one.";
        var command = new Command("connect", "Declare that a component project uses a connector: adds <KubernetesConnectorReference Include=\"NAME\" /> to the component's project file.")
        {
            component, connector, project,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(connector)!;
            CheckDeclared(context, parse.GetValue(project), name);
            var path = ProjectLocator.Locate(context, parse.GetValue(component), "component");
            using var fileLock = FileLock.Acquire(path);
            var file = ProjectFile.Load(path);
            if (file.FindItem(ConnectorItemContract.ReferenceItemType, name) is not null)
            {
                context.Output.WriteLine($"'{Path.GetFileName(path)}' already uses connector '{name}'; nothing to change.");
                return ExitCodes.Success;
            }

            file.AddItem(ConnectorItemContract.ReferenceItemType, ItemText.Render(ConnectorItemContract.ReferenceItemType, name, [])).Save();
            context.Output.WriteLine($"Connected '{Path.GetFileName(path)}' to connector '{name}'.");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateDisconnect(CliContext context)
    {
        var component = ComponentArgument();
        var connector = ConnectorOption();
        var command = new Command("disconnect", "Remove a component project's use of a connector (its <KubernetesConnectorReference>).")
        {
            component, connector,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(connector)!;
            var path = ProjectLocator.Locate(context, parse.GetValue(component), "component");
            using var fileLock = FileLock.Acquire(path);
            var file = ProjectFile.Load(path);
            var item = file.FindItem(ConnectorItemContract.ReferenceItemType, name) ?? throw new CliException(
                CliDiagnostics.ReferenceNotFound,
                $"'{path}' does not use connector '{name}'.",
                "Check the component path and the connector name; the project's <KubernetesConnectorReference> items list what it uses.");
            file.Remove(item).Save();
            context.Output.WriteLine($"Disconnected '{Path.GetFileName(path)}' from connector '{name}'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string> ComponentArgument() => new("COMPONENT_PROJECT")
    {
        Description = "The component's project file, or the folder that holds it.",
    };

    private static Option<string> ConnectorOption() => new("--connector", "-c")
    {
        Description = "The connector's name.",
        Required = true,
        HelpName = "name",
    };

    /// <summary>Warns (KC5120) when the app host can be found and does not declare the connector; the build would fail later.</summary>
    private static void CheckDeclared(CliContext context, string? appHostOption, string name)
    {
        AppHostProject appHost;
        try
        {
            appHost = AppHostProject.Load(context, appHostOption);
        }
        catch (CliException) when (appHostOption is null)
        {
            return; // No app host here: nothing to check against.
        }

        if (appHost.Find(name) is null)
        {
            context.Warn(
                CliDiagnostics.ConnectorNotInAppHost,
                $"the app host '{Path.GetFileName(appHost.File.Path)}' does not declare connector '{name}'; register it there, or the app host's build will report the missing connector.");
        }
    }
}
