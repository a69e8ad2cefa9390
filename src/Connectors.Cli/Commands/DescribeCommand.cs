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
/// A linked connector is described from its kubeconfig context as it reads now.
/// </summary>
internal static class DescribeCommand
{
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
        command.SetAction(async (parse, cancellationToken) =>
        {
            var appHost = AppHostProject.Load(context, parse.GetValue(project));
            var record = ConnectorRecord.Read(appHost.Get(parse.GetValue(name)!), appHost.OpenSecrets(context), appHost.Directory);
            var reveal = parse.GetValue(showSecrets);
            KubernetesConnectorSpec? spec = null;
            string? problem = null;
            try
            {
                spec = await ConnectorSpecs.ResolveAsync(context, record, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesConnectorException ex) when (record.Item.IsAutoConfigure)
            {
                problem = $"The linked kubeconfig context cannot be read now ({ex.Code}): {ex.Message}";
            }

            var view = ConnectorView.Create(context, record, appHost, spec, reveal, problem);
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), view.ToJson(), console =>
            {
                console.WriteLine($"Connector '{record.Name}' of type '{KubernetesConnectorType.Type}', declared in {appHost.File.Path}.");
                console.Write(Tables.Properties(view.Title, view.Properties));
                if (view.Configuration.Count > 0)
                {
                    console.Write(Tables.Properties("Configuration", view.Configuration));
                }

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
