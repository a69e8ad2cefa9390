using Connectors.Kubernetes.Items;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Commands;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Cli.Secrets;
using Connectors.Kubernetes.Describe;

namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>
/// What <c>describe</c> shows of a connector: the core's describe model (properties, and configuration
/// rows whose secrets read <c>[HIDDEN]</c> unless revealed) plus where the tool keeps it (project,
/// user secrets, linked context). One model feeds the tables and the JSON/YAML output, so the
/// masking rule is applied in exactly one place — the core's.
/// </summary>
internal sealed class ConnectorView
{
    private readonly JsonObject _json;

    private ConnectorView(List<KeyValuePair<string, string>> properties, List<KeyValuePair<string, string>> configuration, string title, JsonObject json, string? problem)
    {
        Properties = properties;
        Configuration = configuration;
        Title = title;
        _json = json;
        Problem = problem;
    }

    public string Title { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Configuration { get; }

    /// <summary>Why the configuration is not shown (a linked context that cannot be read now), or null.</summary>
    public string? Problem { get; }

    public JsonNode ToJson() => _json.DeepClone();

    /// <param name="context">The command's context (clock).</param>
    /// <param name="record">The declared connector.</param>
    /// <param name="appHost">Its app host.</param>
    /// <param name="spec">The resolved connector, or null when a linked context cannot be read (see <paramref name="problem"/>).</param>
    /// <param name="reveal">Show secret values.</param>
    /// <param name="problem">Why <paramref name="spec"/> is null.</param>
    public static ConnectorView Create(CliContext context, ConnectorRecord record, AppHostProject appHost, KubernetesConnectorSpec? spec, bool reveal, string? problem)
    {
        var item = record.Item;
        var description = spec is null ? null : KubernetesConnectorDescriber.Describe(spec, reveal, context.Time);
        var expiresAt = spec?.ExpiresAt ?? record.ExpiresAt;
        var properties = description?.Properties.Select(row => new KeyValuePair<string, string>(row.Name, row.Value)).ToList()
            ?? [new("NAME", record.Name), new("TYPE", KubernetesConnectorType.Type), new("RESOURCE TYPES", KubernetesConnectorType.ResourceType)];
        properties.Add(new("LINKED TO", item.IsAutoConfigure ? "kubeconfig context " + (item.Get(ConnectorItemContract.Context) ?? "(current)") : "-"));
        properties.Add(new("SECRETS", appHost.UserSecretsId is { } id ? "user secrets " + id : "-"));

        var configuration = description?.Configuration.Select(row => new KeyValuePair<string, string>(row.Name, row.Value)).ToList() ?? [];
        var configurationJson = new JsonObject();
        foreach (var (key, value) in configuration)
        {
            configurationJson[key] = value;
        }

        var labelsJson = new JsonObject();
        foreach (var (key, value) in item.Labels)
        {
            labelsJson[key] = value;
        }

        var json = new JsonObject
        {
            ["name"] = record.Name,
            ["type"] = KubernetesConnectorType.Type,
            ["authMethod"] = spec?.AuthMethod.ToWireName(),
            ["resourceType"] = KubernetesConnectorType.ResourceType,
            ["resourceName"] = spec?.EffectiveClusterName ?? ListCommand.ResourceName(record),
            ["expiresAt"] = Durations.Iso(expiresAt),
            ["expiresIn"] = KubernetesConnectorDescriber.ExpiresIn(expiresAt, context.Time.GetUtcNow()),
            ["labels"] = labelsJson,
            ["linked"] = item.IsAutoConfigure,
            ["context"] = item.Get(ConnectorItemContract.Context),
            ["project"] = appHost.File.Path,
            ["userSecretsId"] = appHost.UserSecretsId,
            ["parameters"] = new JsonArray([.. record.Secrets.Keys.Order(StringComparer.Ordinal).Select(suffix => (JsonNode)JsonValue.Create(SecretNames.Parameter(record.Name, suffix)))]),
            ["secretsShown"] = reveal,
            ["configuration"] = configurationJson,
            ["problem"] = problem,
        };
        var title = description?.Title ?? $"'{record.Name}' {KubernetesConnectorType.Type} connector details";
        return new ConnectorView(properties, configuration, title, json, problem);
    }
}
