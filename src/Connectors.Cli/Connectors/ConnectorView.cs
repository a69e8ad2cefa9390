using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Commands;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Cli.Secrets;

namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>
/// What <c>describe</c> shows of a connector: a properties list and a configuration list (keys are the
/// connection-string keys), with secrets masked unless revealed. One model feeds the tables and the
/// JSON/YAML output, so the masking rule is applied in exactly one place.
/// </summary>
internal sealed class ConnectorView
{
    private readonly JsonObject _json;

    private ConnectorView(List<KeyValuePair<string, string>> properties, List<KeyValuePair<string, string>> configuration, JsonObject json, string? problem)
    {
        Properties = properties;
        Configuration = configuration;
        _json = json;
        Problem = problem;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Configuration { get; }

    /// <summary>Why the configuration is not shown (a linked connector), or null.</summary>
    public string? Problem { get; }

    public JsonNode ToJson() => _json.DeepClone();

    public static ConnectorView Create(CliContext context, ConnectorRecord record, AppHostProject appHost, bool reveal)
    {
        var now = context.Time.GetUtcNow();
        var item = record.Item;
        var spec = ConnectorSpecs.Resolve(record);
        var problem = spec is null
            ? $"Its server and credentials are read from kubeconfig context '{item.Get(ItemMetadata.Context) ?? "(current)"}' when the app host starts."
            : null;

        var expiresAt = spec?.ExpiresAt ?? record.ExpiresAt;
        var authMethod = spec?.AuthMethod.ToWireName() ?? ListCommand.AuthMethod(record);
        var resourceName = spec?.EffectiveClusterName ?? ListCommand.ResourceName(record);
        var labels = item.Labels;

        var properties = new List<KeyValuePair<string, string>>
        {
            new("NAME", record.Name),
            new("TYPE", KubernetesConnectorType.Type),
            new("AUTH METHOD", authMethod),
            new("RESOURCE TYPES", KubernetesConnectorType.ResourceType),
            new("RESOURCE NAME", resourceName),
            new("EXPIRES IN", Durations.ExpiresIn(expiresAt, now)),
            new("LABELS", labels.Count == 0 ? "-" : string.Join("\n", labels.Select(pair => pair.Key + "=" + pair.Value))),
            new("LINKED TO", item.IsAutoConfigure ? "kubeconfig context " + (item.Get(ItemMetadata.Context) ?? "(current)") : "-"),
            new("SECRETS", appHost.UserSecretsId is { } id ? "user secrets " + id : "-"),
        };

        var configuration = new List<KeyValuePair<string, string>>();
        var configurationJson = new JsonObject();
        void Add(string key, string? value, bool secret)
        {
            if (value is null)
            {
                return;
            }

            var shown = secret && !reveal ? DescribeCommand.Hidden : value;
            configuration.Add(new(key, shown));
            configurationJson[key] = shown;
        }

        if (spec is not null)
        {
            Add(KubernetesConnectorKeys.Server, spec.Server, secret: false);
            Add(KubernetesConnectorKeys.ClusterName, spec.EffectiveClusterName, secret: false);
            Add(KubernetesConnectorKeys.AuthMethod, spec.AuthMethod.ToWireName(), secret: false);
            Add(KubernetesConnectorKeys.InsecureSkipTlsVerify, spec.InsecureSkipTlsVerify ? "true" : "false", secret: false);
            Add(KubernetesConnectorKeys.TlsServerName, spec.TlsServerName, secret: false);
            Add(KubernetesConnectorKeys.Namespace, spec.Namespace, secret: false);
            Add(KubernetesConnectorKeys.Token, spec.Token?.Reveal(), secret: true);
            Add(KubernetesConnectorKeys.TokenFile, spec.TokenFile, secret: false);
            Add(KubernetesConnectorKeys.Username, spec.Username?.Reveal(), secret: true);
            Add(KubernetesConnectorKeys.Password, spec.Password?.Reveal(), secret: true);
            Add(KubernetesConnectorKeys.CertificateAuthorityData, Certificate(spec.CertificateAuthorityData, reveal), secret: false);
            Add(KubernetesConnectorKeys.ClientCertificateData, Certificate(spec.ClientCertificateData, reveal), secret: false);
            Add(KubernetesConnectorKeys.ClientKeyData, spec.ClientKeyData?.Reveal(), secret: true);
            Add(KubernetesConnectorKeys.ExpiresAt, Durations.Iso(spec.ExpiresAt), secret: false);
        }

        var labelsJson = new JsonObject();
        foreach (var (key, value) in labels)
        {
            labelsJson[key] = value;
        }

        var json = new JsonObject
        {
            ["name"] = record.Name,
            ["type"] = KubernetesConnectorType.Type,
            ["authMethod"] = authMethod,
            ["resourceType"] = KubernetesConnectorType.ResourceType,
            ["resourceName"] = resourceName,
            ["expiresAt"] = Durations.Iso(expiresAt),
            ["expiresIn"] = Durations.ExpiresIn(expiresAt, now),
            ["labels"] = labelsJson,
            ["linked"] = item.IsAutoConfigure,
            ["context"] = item.Get(ItemMetadata.Context),
            ["project"] = appHost.File.Path,
            ["userSecretsId"] = appHost.UserSecretsId,
            ["parameters"] = new JsonArray([.. record.Secrets.Keys.Order(StringComparer.Ordinal).Select(suffix => (JsonNode)JsonValue.Create(SecretNames.Parameter(record.Name, suffix)))]),
            ["secretsShown"] = reveal,
            ["configuration"] = configurationJson,
        };
        return new ConnectorView(properties, configuration, json, problem);
    }

    /// <summary>A certificate as PEM when revealed, otherwise a short summary (the PEM is long and rarely what one wants to read).</summary>
    private static string? Certificate(string? pem, bool reveal)
    {
        if (pem is null)
        {
            return null;
        }

        if (reveal)
        {
            return pem.TrimEnd();
        }

        var count = 0;
        for (var index = pem.IndexOf("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal); index >= 0; index = pem.IndexOf("-----BEGIN CERTIFICATE-----", index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"PEM, {count} certificate{(count == 1 ? string.Empty : "s")}, {Encoding.UTF8.GetByteCount(pem)} bytes");
    }
}
