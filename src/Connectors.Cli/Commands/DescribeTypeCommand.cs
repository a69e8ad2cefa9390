using System.CommandLine;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary><c>describe-type kubernetes [--auth-method M]</c>: what a connector of the type holds, field by field.</summary>
internal static class DescribeTypeCommand
{
    public static Command Create(CliContext context)
    {
        var type = new Argument<string>("TYPE") { Description = "The connector type (kubernetes)." };
        var authMethod = new Option<string?>("--auth-method", "-a") { Description = "Describe only this auth method (token or password).", HelpName = "method" };
        var output = CommonOptions.Output();
        var command = new Command("describe-type", "Describe a connector type: its resource type and, for each auth method, the fields it takes (which are secret, which are required).")
        {
            type, authMethod, output,
        };
        command.SetAction(parse =>
        {
            ConnectorTypes.EnsureKnown(parse.GetValue(type));
            var methods = parse.GetValue(authMethod) is { } name
                ? [ConnectorTypes.AuthMethod(name)]
                : KubernetesConnectorType.AuthMethods;
            var data = TypeSummary(detailed: true);
            data["authMethods"] = new JsonArray([.. methods.Select(m => (JsonNode)Method(m))]);
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), data, console =>
            {
                console.WriteLine($"{KubernetesConnectorType.Name} (type '{KubernetesConnectorType.Type}')");
                console.WriteLine(KubernetesConnectorType.Description);
                console.WriteLine();
                console.WriteLine($"Resource type '{KubernetesConnectorType.ResourceType}': {KubernetesConnectorType.ResourceDescription}");
                console.WriteLine($"Auto-configuration from a kubeconfig context: {ListTypesCommand.YesNo(KubernetesConnectorType.SupportsAutoConfiguration)} (register --auto-configure).");
                foreach (var method in methods)
                {
                    console.WriteLine();
                    var table = Tables.Create("FIELD", "TYPE", "SECRET", "REQUIRED", "STORED AS", "DESCRIPTION");
                    table.Title = $"Auth method '{method.Name}': {method.Title}";
                    foreach (var field in method.Fields)
                    {
                        table.Row(
                            field.Name,
                            field.Type,
                            ListTypesCommand.YesNo(field.IsSecret),
                            field.IsRequired ? "required" : "optional",
                            field.ParameterSuffix is { } suffix ? "parameter {name}-" + suffix : "project item",
                            field.Description);
                    }

                    console.Write(table);
                    console.WriteLine(method.Description);
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The type entry shared by <c>list-types</c> and <c>describe-type</c> JSON (schema in docs/cli.md).</summary>
    internal static JsonObject TypeSummary(bool detailed)
    {
        var summary = new JsonObject
        {
            ["name"] = KubernetesConnectorType.Name,
            ["type"] = KubernetesConnectorType.Type,
            ["resourceTypes"] = new JsonArray([.. KubernetesConnectorType.ResourceTypes.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["authMethods"] = new JsonArray([.. KubernetesConnectorType.AuthMethods.Select(m => (JsonNode)JsonValue.Create(m.Name))]),
            ["local"] = KubernetesConnectorType.IsLocal,
            ["remote"] = KubernetesConnectorType.IsRemote,
            ["autoConfiguration"] = KubernetesConnectorType.SupportsAutoConfiguration,
        };
        if (detailed)
        {
            summary["description"] = KubernetesConnectorType.Description;
            summary["resourceDescription"] = KubernetesConnectorType.ResourceDescription;
        }

        return summary;
    }

    private static JsonObject Method(KubernetesAuthMethodDescriptor method) => new()
    {
        ["name"] = method.Name,
        ["title"] = method.Title,
        ["description"] = method.Description,
        ["fields"] = new JsonArray([.. method.Fields.Select(field => (JsonNode)new JsonObject
        {
            ["name"] = field.Name,
            ["type"] = field.Type,
            ["secret"] = field.IsSecret,
            ["required"] = field.IsRequired,
            ["parameter"] = field.ParameterSuffix,
            ["description"] = field.Description,
        })]),
    };
}
