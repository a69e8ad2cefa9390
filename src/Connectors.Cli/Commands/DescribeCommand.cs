using System.CommandLine;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Connectors;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>
/// <c>describe NAME [--show-secrets]</c>: the connector's properties and its configuration. Secret
/// values read <c>[HIDDEN]</c> unless <c>--show-secrets</c> is given; certificates are summarised.
/// </summary>
internal static class DescribeCommand
{
    public const string Hidden = "[HIDDEN]";

    public static Command Create(CliContext context)
    {
        var name = CommonOptions.ConnectorName("The connector to describe.");
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Print secret values (token, password, client key, certificates) instead of [HIDDEN]." };
        var project = CommonOptions.Project();
        var output = CommonOptions.Output();
        var command = new Command("describe", "Describe a connector: its properties (type, auth method, resource, expiry, labels) and its configuration, with secrets shown as [HIDDEN].")
        {
            name, showSecrets, project, output,
        };
        command.SetAction(parse =>
        {
            var appHost = AppHostProject.Load(context, parse.GetValue(project));
            var record = ConnectorRecord.Read(appHost.Get(parse.GetValue(name)!), appHost.OpenSecrets(context), appHost.Directory);
            var reveal = parse.GetValue(showSecrets);
            var view = ConnectorView.Create(context, record, appHost, reveal);
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), view.ToJson(), console =>
            {
                console.WriteLine($"Connector '{record.Name}' of type '{KubernetesConnectorType.Type}', declared in {appHost.File.Path}.");
                console.Write(Tables.Properties($"'{record.Name}' {KubernetesConnectorType.Type} connector", view.Properties));
                console.Write(Tables.Properties("Configuration", view.Configuration));
                if (view.Problem is not null)
                {
                    console.WriteLine(view.Problem);
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
