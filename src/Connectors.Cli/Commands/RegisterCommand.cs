using System.CommandLine;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Connectors;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Cli.Secrets;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>
/// <c>register NAME</c>: declares a connector in the app host — the <c>&lt;KubernetesConnector&gt;</c>
/// item in the project file, its secrets as Aspire parameters in the project's user secrets — after
/// validating it with the shared declaration rules.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create(CliContext context)
    {
        var name = CommonOptions.ConnectorName("The new connector's name: letters, digits and '-', starting with a letter.");
        var type = new Option<string>("--type", "-t") { Description = "The connector type.", HelpName = "kubernetes", DefaultValueFactory = _ => KubernetesConnectorType.Type };
        var fields = new ConnectorFieldOptions();
        var project = CommonOptions.Project();
        var output = CommonOptions.Output();
        var command = new Command("register", "Register a connector in the app host: writes a <KubernetesConnector> item into the project file and the secrets into the project's user secrets (as Aspire parameters NAME-token, NAME-password, …).")
        {
            name, type,
        };
        fields.AddTo(command);
        command.Add(project);
        command.Add(output);

        command.SetAction(parse =>
        {
            ConnectorTypes.EnsureKnown(parse.GetValue(type));
            var connectorName = parse.GetValue(name)!;
            var draft = ConnectorDraft.New(connectorName);
            DraftEditor.Apply(context, parse, fields, draft);
            InferPasswordMethod(draft);
            PromptForPassword(context, draft);

            if (draft.Get(ItemMetadata.AuthMethod) is null)
            {
                draft.Set(ItemMetadata.AuthMethod, KubernetesAuthMethodNames.Token);
            }

            draft.SortCanonically();
            var appHost = AppHostProject.LoadForEdit(context, parse.GetValue(project), out var projectLock);
            using var _ = projectLock;
            if (appHost.Find(connectorName) is { } existing)
            {
                throw new CliException(
                    CliDiagnostics.ConnectorExists,
                    $"A connector named '{existing.Name}' is already declared in {appHost.File.Path}.",
                    $"Change it with 'dotnet connector update {existing.Name} ...', or delete it first.");
            }

            var record = draft.ToRecord(appHost.Directory);
            DeclarationCheck.Run(context, record, $"Connector '{connectorName}' was not registered");

            var secrets = appHost.OpenOrInitSecrets(context);
            var edited = appHost.File.AddItem(ItemMetadata.ConnectorItem, draft.ItemText());
            ConnectorWriter.Save(secrets, draft, edited);

            var resourceName = ListCommand.ResourceName(record);
            var parameters = draft.EffectiveSecrets.Keys.Order(StringComparer.Ordinal).Select(suffix => SecretNames.Parameter(connectorName, suffix)).ToList();
            var data = new JsonObject
            {
                ["name"] = connectorName,
                ["type"] = KubernetesConnectorType.Type,
                ["project"] = appHost.File.Path,
                ["linked"] = record.Item.IsAutoConfigure,
                ["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)JsonValue.Create(p))]),
                ["resources"] = new JsonArray(new JsonObject
                {
                    ["resourceType"] = KubernetesConnectorType.ResourceType,
                    ["resourceNames"] = new JsonArray(resourceName),
                }),
            };
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), data, console =>
            {
                console.WriteLine($"Registered connector '{connectorName}' in {Path.GetFileName(appHost.File.Path)}; it gives access to:");
                console.Write(Tables.Create("RESOURCE TYPE", "RESOURCE NAMES").Row(KubernetesConnectorType.ResourceType, resourceName));
                if (parameters.Count > 0)
                {
                    console.WriteLine($"Secrets saved in the project's user secrets as parameters: {string.Join(", ", parameters)}.");
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>--username/--password without --auth-method mean the password method.</summary>
    private static void InferPasswordMethod(ConnectorDraft draft)
    {
        if (draft.Get(ItemMetadata.AuthMethod) is null
            && (draft.SecretChanges.ContainsKey(SecretNames.Username) || draft.SecretChanges.ContainsKey(SecretNames.Password)))
        {
            draft.Set(ItemMetadata.AuthMethod, KubernetesAuthMethodNames.Password);
        }
    }

    /// <summary>The password method needs both values; ask for a missing one when a person is at the terminal.</summary>
    private static void PromptForPassword(CliContext context, ConnectorDraft draft)
    {
        if (!string.Equals(draft.Get(ItemMetadata.AuthMethod), KubernetesAuthMethodNames.Password, StringComparison.OrdinalIgnoreCase) || context.SecretPrompt is null)
        {
            return;
        }

        foreach (var suffix in new[] { SecretNames.Username, SecretNames.Password })
        {
            if (!draft.EffectiveSecrets.ContainsKey(suffix))
            {
                draft.SetSecret(suffix, context.SecretPrompt.ReadSecret(suffix));
            }
        }
    }

}
