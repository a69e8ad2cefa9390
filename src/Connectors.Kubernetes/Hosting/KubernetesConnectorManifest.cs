using System.Text;
using System.Text.Json;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// Writes a connector into an Aspire publish manifest in Aspire's standard connection-string form
/// (<c>value.v0</c> with a <c>connectionString</c> over <c>{parameter.value}</c> references) and its
/// parameters as <c>parameter.v0</c> inputs, secret ones marked <c>"secret": true</c>. No secret value and no
/// local credential is ever written: they are parameters the deployment supplies.
/// </summary>
public static class KubernetesConnectorManifest
{
    /// <summary>The manifest resource type of a connection-string value.</summary>
    public const string ResourceType = "value.v0";

    /// <summary>The manifest resource type of a parameter.</summary>
    public const string ParameterType = "parameter.v0";

    /// <summary>
    /// Writes the connector resource's properties into the object the writer is in (Aspire opens it, named
    /// after the resource): <c>"type": "value.v0", "connectionString": "…"</c>.
    /// </summary>
    /// <param name="writer">The manifest writer, inside the resource object.</param>
    /// <param name="connector">The declaration.</param>
    /// <exception cref="KubernetesConnectorException">The declaration is invalid (<c>KC4109</c>, listing the rule codes) or its certificate material cannot be loaded (<c>KC4108</c>).</exception>
    public static void WriteResource(Utf8JsonWriter writer, KubernetesAppHostConnector connector)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(connector);
        ThrowIfInvalid(connector);
        var expression = KubernetesConnectionExpressions.ConnectionString(connector, KubernetesConnectorHostMode.Publish);
        writer.WriteString("type", ResourceType);
        writer.WriteString("connectionString", expression.ToManifestExpression());
    }

    /// <summary>Writes one parameter's properties, as Aspire does for a parameter without a default.</summary>
    /// <param name="writer">The manifest writer, inside the parameter object.</param>
    /// <param name="parameter">The parameter.</param>
    public static void WriteParameter(Utf8JsonWriter writer, KubernetesConnectorParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(parameter);
        writer.WriteString("type", ParameterType);
        writer.WriteString("value", "{" + parameter.Name + ".inputs.value}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The manifest fragment of one connector: a <c>resources</c> object with the connector and every
    /// parameter it reads, indented as Aspire writes it. Used by documentation and tools to show what
    /// <c>aspire publish</c> produces.
    /// </summary>
    /// <param name="connector">The declaration.</param>
    /// <returns>The JSON text.</returns>
    public static string Render(KubernetesAppHostConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("resources");
            writer.WriteStartObject(connector.Name);
            WriteResource(writer, connector);
            writer.WriteEndObject();
            foreach (var parameter in connector.GetParameters(KubernetesConnectorHostMode.Publish))
            {
                writer.WriteStartObject(parameter.Name);
                WriteParameter(writer, parameter);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void ThrowIfInvalid(KubernetesAppHostConnector connector)
    {
        var errors = connector.Validate().Where(d => d.Severity == KubernetesDiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new KubernetesConnectorException(
                KubernetesHostingErrorCodes.InvalidDeclaration,
                "Connector '" + connector.Name + "' cannot be published: " + string.Join(" ", errors.Select(e => e.Code + " (" + e.Field + "): " + e.Message)));
        }
    }
}
