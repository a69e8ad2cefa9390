using System.Globalization;
using System.Text;
using Connectors.Kubernetes.Naming;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// Builds a connector's connection string and connection properties as expressions over parameter names,
/// in the key order and quoting of <see cref="KubernetesConnectionString"/>, so the runtime parses exactly
/// what the app host hands out.
/// </summary>
public static class KubernetesConnectionExpressions
{
    /// <summary>The resolved-part key that stands for the whole connection string of an auto-configured connector.</summary>
    public const string ConnectionStringKey = "ConnectionString";

    private static readonly string[] MaterialKeys =
    [
        KubernetesConnectorKeys.CertificateAuthorityData,
        KubernetesConnectorKeys.ClientCertificateData,
        KubernetesConnectorKeys.ClientKeyData,
    ];

    /// <summary>The connection string of <paramref name="connector"/> in <paramref name="mode"/>.</summary>
    /// <param name="connector">The declaration.</param>
    /// <param name="mode">Run or publish.</param>
    /// <returns>The expression: in publish mode it has literal and parameter parts only.</returns>
    /// <exception cref="KubernetesConnectorException">Publish mode: certificate material cannot be loaded (<c>KC4108</c>).</exception>
    public static KubernetesConnectionExpression ConnectionString(KubernetesAppHostConnector connector, KubernetesConnectorHostMode mode)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (connector.AutoConfigure is not null && mode == KubernetesConnectorHostMode.Run)
        {
            return new KubernetesConnectionExpression([KubernetesExpressionPart.Resolved(ConnectionStringKey)]);
        }

        var parts = new List<KubernetesExpressionPart>();
        foreach (var (key, value) in Fields(connector, mode))
        {
            Append(parts, KubernetesExpressionPart.Literal((parts.Count == 0 ? string.Empty : ";") + key + "="));
            Append(parts, value.Kind == KubernetesExpressionPartKind.Literal ? KubernetesExpressionPart.Literal(KubernetesConnectionString.QuoteValue(value.Text)) : value);
        }

        return new KubernetesConnectionExpression(parts);
    }

    /// <summary>
    /// The connection properties of <paramref name="connector"/>: one expression per connection key, which
    /// Aspire's <c>WithReference</c> hands to components as <c>{NAME}_{KEY}</c> environment variables.
    /// </summary>
    /// <param name="connector">The declaration.</param>
    /// <param name="mode">Run or publish.</param>
    /// <param name="started">
    /// For an auto-configured connector in run mode, the settings it started with (their keys are listed);
    /// before it started every key that an auto-configured connector can have is listed.
    /// </param>
    /// <returns>The properties, in connection string order.</returns>
    public static IReadOnlyList<KeyValuePair<string, KubernetesConnectionExpression>> Properties(
        KubernetesAppHostConnector connector, KubernetesConnectorHostMode mode, KubernetesConnectorSpec? started = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var properties = new List<KeyValuePair<string, KubernetesConnectionExpression>>();
        if (connector.AutoConfigure is not null && mode == KubernetesConnectorHostMode.Run)
        {
            var keys = started is null
                ? KubernetesConnectorKeys.All
                : KubernetesConnectionString.Split(KubernetesConnectionString.Format(started)).Select(pair => pair.Key).ToList();
            foreach (var key in keys)
            {
                properties.Add(new(key, new KubernetesConnectionExpression([KubernetesExpressionPart.Resolved(key)])));
            }

            return properties;
        }

        foreach (var (key, value) in Fields(connector, mode))
        {
            properties.Add(new(key, new KubernetesConnectionExpression([value])));
        }

        return properties;
    }

    /// <summary>The connection keys a declaration sets, each with its raw (unquoted) value part.</summary>
    internal static List<(string Key, KubernetesExpressionPart Value)> Fields(KubernetesAppHostConnector connector, KubernetesConnectorHostMode mode)
    {
        var fields = new List<(string, KubernetesExpressionPart)>();
        void Literal(string key, string? value)
        {
            if (value is not null)
            {
                fields.Add((key, KubernetesExpressionPart.Literal(value)));
            }
        }

        void Input(string key, KubernetesConnectorInput? input, string pemLabel, bool secret, string publishParameter)
        {
            if (input is null)
            {
                return;
            }

            if (input.IsParameter)
            {
                fields.Add((key, KubernetesExpressionPart.Parameter(input.Text)));
            }
            else if (mode == KubernetesConnectorHostMode.Run)
            {
                fields.Add((key, KubernetesExpressionPart.Resolved(key)));
            }
            else if (secret)
            {
                // A key file on the publishing machine is not the deployment's: the deployment supplies it.
                fields.Add((key, KubernetesExpressionPart.Parameter(publishParameter)));
            }
            else
            {
                fields.Add((key, KubernetesExpressionPart.Literal(LoadMaterialAsBase64(connector, key, input, pemLabel))));
            }
        }

        if (connector.AutoConfigure is not null)
        {
            // Publish mode: local credentials become parameters the deployment fills in.
            Literal(KubernetesConnectorKeys.Server, connector.Server);
            if (connector.Server is null)
            {
                fields.Add((KubernetesConnectorKeys.Server, KubernetesExpressionPart.Parameter(ConnectorParameterNames.Server(connector.Name))));
            }

            Literal(KubernetesConnectorKeys.ClusterName, connector.ClusterName);
            Literal(KubernetesConnectorKeys.AuthMethod, KubernetesAuthMethodNames.Token);
            fields.Add((KubernetesConnectorKeys.Token, KubernetesExpressionPart.Parameter(ConnectorParameterNames.Token(connector.Name))));
            fields.Add((KubernetesConnectorKeys.CertificateAuthorityData, KubernetesExpressionPart.Parameter(ConnectorParameterNames.CertificateAuthority(connector.Name))));
            AddTlsAndNamespace();
            return fields;
        }

        Literal(KubernetesConnectorKeys.Server, connector.Server);
        Literal(KubernetesConnectorKeys.ClusterName, connector.ClusterName);
        Literal(KubernetesConnectorKeys.AuthMethod, connector.AuthMethod.ToWireName());
        Input(KubernetesConnectorKeys.Token, connector.Token, string.Empty, secret: true, ConnectorParameterNames.Token(connector.Name));
        Input(KubernetesConnectorKeys.Username, connector.Username, string.Empty, secret: true, ConnectorParameterNames.Username(connector.Name));
        Input(KubernetesConnectorKeys.Password, connector.Password, string.Empty, secret: true, ConnectorParameterNames.Password(connector.Name));
        Input(KubernetesConnectorKeys.CertificateAuthorityData, connector.CertificateAuthority, "CERTIFICATE", secret: false, ConnectorParameterNames.CertificateAuthority(connector.Name));
        Input(KubernetesConnectorKeys.ClientCertificateData, connector.ClientCertificate, "CERTIFICATE", secret: false, ConnectorParameterNames.ClientCertificate(connector.Name));
        Input(KubernetesConnectorKeys.ClientKeyData, connector.ClientKey, "PRIVATE KEY", secret: true, ConnectorParameterNames.ClientKey(connector.Name));
        AddTlsAndNamespace();
        Literal(KubernetesConnectorKeys.ExpiresAt, connector.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture));
        return fields;

        void AddTlsAndNamespace()
        {
            Literal(KubernetesConnectorKeys.InsecureSkipTlsVerify, connector.InsecureSkipTlsVerify ? "true" : null);
            Literal(KubernetesConnectorKeys.TlsServerName, connector.TlsServerName);
            Literal(KubernetesConnectorKeys.Namespace, connector.Namespace);
        }
    }

    /// <summary>Whether <paramref name="key"/> is certificate material (base64 of PEM in a connection string).</summary>
    internal static bool IsMaterialKey(string key) => Array.IndexOf(MaterialKeys, key) >= 0;

    /// <summary>Loads declared certificate material as PEM text.</summary>
    /// <exception cref="KubernetesConnectorException">The material cannot be loaded (<c>KC4108</c>).</exception>
    internal static string LoadMaterial(KubernetesAppHostConnector connector, string key, KubernetesConnectorInput input, string pemLabel)
    {
        var secret = key == KubernetesConnectorKeys.ClientKeyData;
        var pem = CertificateMaterial.TryLoad(input.Text, connector.BaseDirectory, pemLabel, secret, out _, out var error);
        return pem ?? throw new KubernetesConnectorException(
            KubernetesHostingErrorCodes.InvalidMaterial,
            "The " + key + " of connector '" + connector.Name + "' cannot be loaded: " + error + ". Give PEM text, base64 of it, or the path of a readable file (relative to the app host directory).");
    }

    /// <summary>The PEM label certificate material of <paramref name="key"/> carries.</summary>
    internal static string PemLabel(string key) => key == KubernetesConnectorKeys.ClientKeyData ? "PRIVATE KEY" : "CERTIFICATE";

    private static string LoadMaterialAsBase64(KubernetesAppHostConnector connector, string key, KubernetesConnectorInput input, string pemLabel) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(LoadMaterial(connector, key, input, pemLabel)));

    private static void Append(List<KubernetesExpressionPart> parts, KubernetesExpressionPart part)
    {
        if (part.Kind == KubernetesExpressionPartKind.Literal && parts.Count > 0 && parts[^1].Kind == KubernetesExpressionPartKind.Literal)
        {
            parts[^1] = KubernetesExpressionPart.Literal(parts[^1].Text + part.Text);
            return;
        }

        if (part.Kind != KubernetesExpressionPartKind.Literal || part.Text.Length != 0)
        {
            parts.Add(part);
        }
    }
}
