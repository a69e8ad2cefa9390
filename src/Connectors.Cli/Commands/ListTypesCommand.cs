using System.CommandLine;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary><c>list-types [--type kubernetes] [--detailed]</c>: the connector types this tool can register.</summary>
internal static class ListTypesCommand
{
    public static Command Create(CliContext context)
    {
        var type = new Option<string?>("--type", "-t") { Description = "Show only this connector type.", HelpName = "type" };
        var detailed = new Option<bool>("--detailed") { Description = "Also describe each type, its resource type and its auth methods." };
        var output = CommonOptions.Output();
        var command = new Command("list-types", "List the connector types, with their resource types and auth methods.")
        {
            type, detailed, output,
        };
        command.SetAction(parse =>
        {
            ConnectorTypes.EnsureKnown(parse.GetValue(type));
            var methods = KubernetesConnectorType.AuthMethods.Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
            var data = new JsonObject
            {
                ["types"] = new JsonArray(DescribeTypeCommand.TypeSummary(detailed: parse.GetValue(detailed))),
            };
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), data, console =>
            {
                var table = Tables.Create("NAME", "TYPE", "RESOURCE TYPES", "AUTH METHODS", "LOCAL", "REMOTE", "AUTO-CONFIGURE")
                    .Row(
                        KubernetesConnectorType.Name,
                        KubernetesConnectorType.Type,
                        KubernetesConnectorType.ResourceType,
                        string.Join("\n", methods),
                        YesNo(KubernetesConnectorType.IsLocal),
                        YesNo(KubernetesConnectorType.IsRemote),
                        YesNo(KubernetesConnectorType.SupportsAutoConfiguration));
                console.Write(table);
                if (parse.GetValue(detailed))
                {
                    console.WriteLine();
                    console.WriteLine(KubernetesConnectorType.Description);
                    console.WriteLine();
                    console.WriteLine($"Resource type {KubernetesConnectorType.ResourceType}: {KubernetesConnectorType.ResourceDescription}");
                    foreach (var method in KubernetesConnectorType.AuthMethods)
                    {
                        console.WriteLine($"Auth method {method.Name} ({method.Title}): {method.Description}");
                    }

                    console.WriteLine();
                    console.WriteLine($"Run 'dotnet connector describe-type {KubernetesConnectorType.Type}' for the fields of each auth method.");
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string YesNo(bool value) => value ? "yes" : "no";
}
