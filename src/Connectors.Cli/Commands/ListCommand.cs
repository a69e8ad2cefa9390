using Connectors.Kubernetes.Items;
using System.CommandLine;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Describe;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary><c>list [--label k=v]…</c>: the connectors the app host declares.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var labels = new Option<string[]>("--label", "-l")
        {
            Description = "Show only connectors with this label (key=value). Repeat to require several.",
            HelpName = "key=value",
            AllowMultipleArgumentsPerToken = false,
        };
        var project = CommonOptions.Project();
        var output = CommonOptions.Output();
        var command = new Command("list", "List the connectors declared in the app host project.")
        {
            labels, project, output,
        };
        command.SetAction(parse =>
        {
            var wanted = (parse.GetValue(labels) ?? []).Select(LabelSet.ParseOption).ToList();
            var appHost = AppHostProject.Load(context, parse.GetValue(project));
            var secrets = appHost.OpenSecrets(context);
            var now = context.Time.GetUtcNow();
            var rows = appHost.Connectors
                .Where(item => wanted.All(label => item.Labels.TryGetValue(label.Key, out var value) && value == label.Value))
                .Select(item => ConnectorRecord.Read(item, secrets, appHost.Directory))
                .ToList();

            var data = new JsonObject
            {
                ["project"] = appHost.File.Path,
                ["connectors"] = new JsonArray([.. rows.Select(row => (JsonNode)Summary(row))]),
            };
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), data, console =>
            {
                if (rows.Count == 0)
                {
                    console.WriteLine(wanted.Count == 0
                        ? $"No connectors are declared in {appHost.File.Path}. Register one with 'dotnet connector register NAME --type kubernetes ...'."
                        : "No connector has all the labels asked for.");
                    return;
                }

                var table = Tables.Create("NAME", "TYPE", "RESOURCE TYPES", "RESOURCE NAME", "AUTH METHOD", "EXPIRES IN", "LABELS");
                foreach (var row in rows)
                {
                    table.Row(
                        row.Name,
                        KubernetesConnectorType.Type,
                        KubernetesConnectorType.ResourceType,
                        ResourceName(row),
                        row.Item.IsAutoConfigure ? "(kubeconfig)" : AuthMethod(row),
                        KubernetesConnectorDescriber.ExpiresIn(row.ExpiresAt, now),
                        string.Join("\n", row.Item.Labels.Select(pair => pair.Key + "=" + pair.Value)));
                }

                console.Write(table);
            });
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The connector's entry in <c>list -o json</c> (schema in docs/cli.md).</summary>
    private static JsonObject Summary(ConnectorRecord row)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in row.Item.Labels)
        {
            labels[key] = value;
        }

        return new JsonObject
        {
            ["name"] = row.Name,
            ["type"] = KubernetesConnectorType.Type,
            ["resourceType"] = KubernetesConnectorType.ResourceType,
            ["resourceName"] = ResourceName(row),
            ["authMethod"] = row.Item.IsAutoConfigure ? null : AuthMethod(row),
            ["server"] = row.Item.Get(ConnectorItemContract.Server),
            ["linked"] = row.Item.IsAutoConfigure,
            ["context"] = row.Item.Get(ConnectorItemContract.Context),
            ["expiresAt"] = Durations.Iso(row.ExpiresAt),
            ["labels"] = labels,
        };
    }

    internal static string AuthMethod(ConnectorRecord row) =>
        (row.Item.Get(ConnectorItemContract.AuthMethod) ?? KubernetesAuthMethodNames.Token).ToLowerInvariant();

    /// <summary>The cluster name, else the server host (ZenML's rule); for a linked item, its context.</summary>
    internal static string ResourceName(ConnectorRecord row)
    {
        if (row.Item.IsAutoConfigure && row.Item.Get(ConnectorItemContract.ClusterName) is null)
        {
            return row.Item.Get(ConnectorItemContract.Context) is { } contextName ? "(context " + contextName + ")" : "(current context)";
        }

        return new KubernetesConnectorSpec
        {
            Name = row.Name,
            Server = row.Item.Get(ConnectorItemContract.Server) ?? string.Empty,
            ClusterName = row.Item.Get(ConnectorItemContract.ClusterName),
        }.EffectiveClusterName;
    }
}
