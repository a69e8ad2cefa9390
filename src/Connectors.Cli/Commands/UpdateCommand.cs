using Connectors.Kubernetes.Items;
using System.CommandLine;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Connectors;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Cli.Secrets;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>
/// <c>update NAME …</c>: changes fields of a declared connector (the options of <c>register</c>) and
/// removes others (<c>--remove-attr</c>); only that connector's item and secrets are touched.
/// </summary>
internal static class UpdateCommand
{
    /// <summary>What <c>--remove-attr</c> accepts (option-style names), mapped to item metadata or secret parameters.</summary>
    private static readonly (string Name, string? Metadata, string? Secret)[] s_removable =
    [
        ("server", ConnectorItemContract.Server, null),
        ("auth-method", ConnectorItemContract.AuthMethod, null),
        ("cluster-name", ConnectorItemContract.ClusterName, null),
        ("namespace", ConnectorItemContract.Namespace, null),
        ("insecure", ConnectorItemContract.InsecureSkipTlsVerify, null),
        ("tls-server-name", ConnectorItemContract.TlsServerName, null),
        ("expires-at", ConnectorItemContract.ExpiresAt, null),
        ("labels", ConnectorItemContract.Labels, null),
        ("token", null, SecretNames.Token),
        ("username", null, SecretNames.Username),
        ("password", null, SecretNames.Password),
        ("certificate-authority", ConnectorItemContract.CertificateAuthority, SecretNames.CertificateAuthority),
        ("client-certificate", ConnectorItemContract.ClientCertificate, SecretNames.ClientCertificate),
        ("client-key", ConnectorItemContract.ClientKey, SecretNames.ClientKey),
    ];

    public static Command Create(CliContext context)
    {
        var name = CommonOptions.ConnectorName("The connector to change.");
        var fields = new ConnectorFieldOptions();
        var removeAttr = new Option<string[]>("--remove-attr")
        {
            Description = "Remove a field: " + string.Join(", ", s_removable.Select(r => r.Name)) + " (or an item metadata name). Repeat for several.",
            HelpName = "field",
        };
        var noVerify = new Option<bool>("--no-verify") { Description = "Do not contact the cluster before saving." };
        var timeout = VerifyCommand.TimeoutOption();
        var project = CommonOptions.Project();
        var output = CommonOptions.Output();
        var command = new Command("update", "Change a connector's fields. Options name what changes; --remove-attr removes a field. The result is validated and (unless --no-verify) verified before anything is written.")
        {
            name,
        };
        fields.AddTo(command);
        command.Add(removeAttr);
        command.Add(noVerify);
        command.Add(timeout);
        command.Add(project);
        command.Add(output);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var appHost = AppHostProject.LoadForEdit(context, parse.GetValue(project), out var projectLock);
            using var _ = projectLock;
            var item = appHost.Get(parse.GetValue(name)!);
            var record = ConnectorRecord.Read(item, appHost.OpenSecrets(context), appHost.Directory);
            var draft = ConnectorDraft.From(record);

            var changed = new List<string>();
            foreach (var field in parse.GetValue(removeAttr) ?? [])
            {
                changed.Add("removed " + Remove(draft, field));
            }

            if (item.IsAutoConfigure)
            {
                RejectCredentialFields(parse, fields, item.Name);
            }

            DraftEditor.Apply(context, parse, fields, draft);
            changed.AddRange(fields.GivenNames(parse).Select(option => "set " + option));
            if (changed.Count == 0)
            {
                throw new CliException(CliDiagnostics.InvalidCommandLine, "Nothing to update: no field option and no --remove-attr was given.", $"Run 'dotnet connector update --help' for the fields, e.g. dotnet connector update {item.Name} --namespace ml.");
            }

            var updated = draft.ToRecord(appHost.Directory);
            DeclarationCheck.Run(context, updated, $"Connector '{item.Name}' was not updated");
            var outcome = parse.GetValue(noVerify)
                ? null
                : await ConnectorVerification.VerifyOrFailAsync(context, updated, parse.GetValue(timeout), $"Connector '{item.Name}' was not updated", cancellationToken).ConfigureAwait(false);

            var secrets = draft.SecretChanges.Count > 0 ? appHost.OpenOrInitSecrets(context) : appHost.OpenSecrets(context);
            var target = appHost.File.FindItem(ConnectorItemContract.ItemType, item.Name)!;
            var edited = appHost.File.Replace(target, draft.ItemText());
            if (secrets is null)
            {
                edited.Save();
            }
            else
            {
                ConnectorWriter.Save(secrets, draft, edited);
            }

            var data = new JsonObject
            {
                ["name"] = item.Name,
                ["project"] = appHost.File.Path,
                ["changes"] = new JsonArray([.. changed.Select(c => (JsonNode)JsonValue.Create(c))]),
                ["verified"] = outcome is not null,
            };
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), data, console =>
                console.WriteLine($"Updated connector '{item.Name}' ({string.Join(", ", changed)}){(outcome is null ? "; not verified" : "; verified")}."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Remove(ConnectorDraft draft, string field)
    {
        var entry = s_removable.FirstOrDefault(r => string.Equals(r.Name, field.Trim().TrimStart('-'), StringComparison.OrdinalIgnoreCase));
        if (entry.Name is null && ItemMetadata.Canonical(field.Trim()) is { } metadata)
        {
            entry = (metadata, metadata, null);
        }

        if (entry.Name is null)
        {
            throw new CliException(
                CliDiagnostics.UnknownAttribute,
                $"'{field}' is not a connector field.",
                "Use one of: " + string.Join(", ", s_removable.Select(r => r.Name)) + ".");
        }

        var removed = false;
        if (entry.Metadata is not null)
        {
            removed |= draft.Remove(entry.Metadata);
        }

        if (entry.Secret is not null)
        {
            removed |= draft.RemoveSecret(entry.Secret);
        }

        if (!removed)
        {
            throw new CliException(
                CliDiagnostics.UnknownAttribute,
                $"Connector '{draft.Name}' has no {entry.Name} to remove.",
                $"Run 'dotnet connector describe {draft.Name}' to see its fields.");
        }

        return entry.Name;
    }

    private static void RejectCredentialFields(ParseResult parse, ConnectorFieldOptions fields, string name)
    {
        var given = fields.GivenNames(parse).Where(option => option is not "--cluster-name" and not "--namespace" and not "--label").ToList();
        if (given.Count > 0)
        {
            throw new CliException(
                CliDiagnostics.ConflictingOptions,
                $"Connector '{name}' is linked to a kubeconfig context, which supplies its server and credentials; {string.Join(", ", given)} cannot be set on it.",
                "Change the kubeconfig context instead, or delete the connector and register it without --link.");
        }
    }
}
