using Connectors.Kubernetes.Items;
using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Connectors;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Describe;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Cli.Secrets;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>
/// <c>register NAME</c>: declares a connector in the app host — the <c>&lt;KubernetesConnector&gt;</c>
/// item in the project file, its secrets as Aspire parameters in the project's user secrets — after
/// validating it and (unless <c>--no-verify</c>) proving the credentials against the cluster.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create(CliContext context)
    {
        var name = CommonOptions.ConnectorName("The new connector's name: letters, digits and '-', starting with a letter.");
        var type = new Option<string>("--type", "-t") { Description = "The connector type.", HelpName = "kubernetes", DefaultValueFactory = _ => KubernetesConnectorType.Type };
        var fields = new ConnectorFieldOptions();
        var autoConfigure = new Option<bool>("--auto-configure") { Description = "Lift the server, CA and credentials from a kubeconfig context (the current one unless --context)." };
        var kubeContext = new Option<string?>("--context") { Description = "With --auto-configure: the kubeconfig context to lift.", HelpName = "context" };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "With --auto-configure: the kubeconfig file. Default: KUBECONFIG, else ~/.kube/config.", HelpName = "file" };
        var link = new Option<bool>("--link") { Description = "With --auto-configure: keep the connector linked to the context (AutoConfigure=\"true\"), read again at every start, instead of copying the credentials now. Implied when the context uses an exec plugin." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Do not contact the cluster before saving." };
        var timeout = VerifyCommand.TimeoutOption();
        var project = CommonOptions.Project();
        var output = CommonOptions.Output();
        var command = new Command("register", "Register a connector in the app host: writes a <KubernetesConnector> item into the project file and the secrets into the project's user secrets (as Aspire parameters NAME-token, NAME-password, …). The credentials are checked against the cluster first unless --no-verify.")
        {
            name, type,
        };
        fields.AddTo(command);
        command.Add(autoConfigure);
        command.Add(kubeContext);
        command.Add(kubeconfig);
        command.Add(link);
        command.Add(noVerify);
        command.Add(timeout);
        command.Add(project);
        command.Add(output);

        command.SetAction(async (parse, cancellationToken) =>
        {
            ConnectorTypes.EnsureKnown(parse.GetValue(type));
            var connectorName = parse.GetValue(name)!;
            var draft = ConnectorDraft.New(connectorName);
            var lifted = false;
            if (parse.GetValue(autoConfigure))
            {
                RejectManualFields(parse, fields);
                lifted = true;
                var kubeconfigPath = parse.GetValue(kubeconfig) is { } file ? context.ResolvePath(file) : null;
                // Exec plugins are not run here: a context that needs one is linked, not copied.
                var (spec, selection) = await KubeconfigLift.LiftAsync(context, connectorName, kubeconfigPath, parse.GetValue(kubeContext), runExecPlugins: false, cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(link) || spec.Exec is not null)
                {
                    draft.Set(ConnectorItemContract.AutoConfigure, "true");
                    draft.Set(ConnectorItemContract.Context, selection.Context.Name);
                    if (kubeconfigPath is not null)
                    {
                        draft.Set(ConnectorItemContract.Kubeconfig, kubeconfigPath);
                    }
                }
                else
                {
                    CopyLifted(context, spec, draft);
                }

                // Cluster name, namespace and labels may still be set on top of what was lifted.
                DraftEditor.Apply(context, parse, fields, draft);
            }
            else
            {
                if (parse.GetValue(kubeContext) is not null || parse.GetValue(kubeconfig) is not null || parse.GetValue(link))
                {
                    throw new CliException(CliDiagnostics.ConflictingOptions, "--context, --kubeconfig and --link only apply with --auto-configure.", "Add --auto-configure, or drop them.");
                }

                DraftEditor.Apply(context, parse, fields, draft);
                InferPasswordMethod(draft);
                PromptForPassword(context, draft);
            }

            if (!string.Equals(draft.Get(ConnectorItemContract.AutoConfigure), "true", StringComparison.OrdinalIgnoreCase) && draft.Get(ConnectorItemContract.AuthMethod) is null)
            {
                draft.Set(ConnectorItemContract.AuthMethod, KubernetesAuthMethodNames.Token);
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

            if (draft.Get(ConnectorItemContract.Kubeconfig) is { } kubeconfigFile)
            {
                // Relative to the project, so the declaration works from any clone of the repository.
                draft.Set(ConnectorItemContract.Kubeconfig, Path.GetRelativePath(appHost.Directory, kubeconfigFile));
            }

            var record = draft.ToRecord(appHost.Directory);
            DeclarationCheck.Run(context, record, $"Connector '{connectorName}' was not registered");
            var outcome = parse.GetValue(noVerify)
                ? null
                : await ConnectorVerification.VerifyOrFailAsync(context, record, parse.GetValue(timeout), $"Connector '{connectorName}' was not registered", cancellationToken).ConfigureAwait(false);

            var secrets = appHost.OpenOrInitSecrets(context);
            var edited = appHost.File.AddItem(ConnectorItemContract.ItemType, draft.ItemText());
            ConnectorWriter.Save(secrets, draft, edited);

            var resourceName = outcome?.ResourceName ?? ListCommand.ResourceName(record);
            var parameters = draft.EffectiveSecrets.Keys.Order(StringComparer.Ordinal).Select(suffix => SecretNames.Parameter(connectorName, suffix)).ToList();
            var data = new JsonObject
            {
                ["name"] = connectorName,
                ["type"] = KubernetesConnectorType.Type,
                ["project"] = appHost.File.Path,
                ["autoConfigured"] = lifted,
                ["linked"] = record.Item.IsAutoConfigure,
                ["verified"] = outcome is not null,
                ["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)JsonValue.Create(p))]),
                ["resources"] = new JsonArray(new JsonObject
                {
                    ["resourceType"] = KubernetesConnectorType.ResourceType,
                    ["resourceNames"] = new JsonArray(resourceName),
                }),
            };
            ResultWriter.Write(context, CommonOptions.ParseFormat(parse.GetValue(output)), data, console =>
            {
                console.WriteLine(outcome is not null
                    ? $"Registered connector '{connectorName}' in {Path.GetFileName(appHost.File.Path)}; verified access to:"
                    : $"Registered connector '{connectorName}' in {Path.GetFileName(appHost.File.Path)} (not verified); it points at:");
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

    private static void RejectManualFields(ParseResult parse, ConnectorFieldOptions fields)
    {
        Option[] manual = [fields.Server, fields.AuthMethod, fields.Token, fields.Username, fields.Password, fields.CertificateAuthority, fields.ClientCertificate, fields.ClientKey, fields.Insecure, fields.TlsServerName, fields.ExpiresAt];
        var given = manual.Where(option => ConnectorFieldOptions.Given(parse, option)).Select(option => option.Name).ToList();
        if (given.Count > 0)
        {
            throw new CliException(
                CliDiagnostics.ConflictingOptions,
                $"--auto-configure takes the server and credentials from the kubeconfig, so {string.Join(", ", given)} cannot be given with it.",
                "Drop them, or register without --auto-configure. (--cluster-name, --namespace and --label may be combined with it.)");
        }
    }

    /// <summary>--username/--password without --auth-method mean the password method.</summary>
    private static void InferPasswordMethod(ConnectorDraft draft)
    {
        if (draft.Get(ConnectorItemContract.AuthMethod) is null
            && (draft.SecretChanges.ContainsKey(SecretNames.Username) || draft.SecretChanges.ContainsKey(SecretNames.Password)))
        {
            draft.Set(ConnectorItemContract.AuthMethod, KubernetesAuthMethodNames.Password);
        }
    }

    /// <summary>The password method needs both values; ask for a missing one when a person is at the terminal.</summary>
    private static void PromptForPassword(CliContext context, ConnectorDraft draft)
    {
        if (!string.Equals(draft.Get(ConnectorItemContract.AuthMethod), KubernetesAuthMethodNames.Password, StringComparison.OrdinalIgnoreCase) || context.SecretPrompt is null)
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

    /// <summary>Copies what was lifted from the kubeconfig into the draft (a snapshot, as ZenML does).</summary>
    private static void CopyLifted(CliContext context, KubernetesConnectorSpec spec, ConnectorDraft draft)
    {
        draft.Set(ConnectorItemContract.Server, spec.Server);
        draft.Set(ConnectorItemContract.AuthMethod, spec.AuthMethod.ToWireName());
        draft.Set(ConnectorItemContract.ClusterName, spec.EffectiveClusterName);
        if (spec.Namespace is { Length: > 0 } ns)
        {
            draft.Set(ConnectorItemContract.Namespace, ns);
        }

        if (spec.InsecureSkipTlsVerify)
        {
            draft.Set(ConnectorItemContract.InsecureSkipTlsVerify, "true");
        }

        if (spec.TlsServerName is { Length: > 0 } tlsServerName)
        {
            draft.Set(ConnectorItemContract.TlsServerName, tlsServerName);
        }

        if (spec.ExpiresAt is { } expiresAt)
        {
            draft.Set(ConnectorItemContract.ExpiresAt, Durations.Iso(expiresAt)!);
            context.Warn(
                CliDiagnostics.LiftedCredentialsExpire,
                $"the lifted credentials expire at {Durations.Iso(expiresAt)} (in {KubernetesConnectorDescriber.ExpiresIn(expiresAt, context.Time.GetUtcNow())}); the connector stops working then. Register with --link to read the context again at every start instead.");
        }

        if (spec.Token is { } token)
        {
            draft.SetSecret(SecretNames.Token, token.Reveal());
        }

        if (spec.Username is { } username)
        {
            draft.SetSecret(SecretNames.Username, username.Reveal());
        }

        if (spec.Password is { } password)
        {
            draft.SetSecret(SecretNames.Password, password.Reveal());
        }

        if (spec.CertificateAuthorityData is { } ca)
        {
            draft.SetSecret(SecretNames.CertificateAuthority, Base64(ca));
        }

        if (spec.ClientCertificateData is { } certificate)
        {
            draft.SetSecret(SecretNames.ClientCertificate, Base64(certificate));
        }

        if (spec.ClientKeyData is { } key)
        {
            draft.SetSecret(SecretNames.ClientKey, Base64(key.Reveal()));
        }
    }

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
}
