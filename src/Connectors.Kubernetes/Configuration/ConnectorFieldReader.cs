using System.Globalization;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes;

/// <summary>
/// Turns raw key/value text (from a connection string or a configuration section) into a
/// <see cref="KubernetesConnectorSpec"/>, checking the syntax of each value. Semantic rules are left to
/// <see cref="KubernetesConnectorValidator"/>.
/// </summary>
internal static class ConnectorFieldReader
{
    /// <summary>One raw value and where it came from.</summary>
    internal readonly record struct RawValue(string Text, KubernetesValueSource Source);

    /// <summary>Builds a spec from canonical keys (see <see cref="KubernetesConnectorKeys"/>) and raw values.</summary>
    public static KubernetesConnectorSpec Read(string name, IReadOnlyDictionary<string, RawValue> values, string? baseDirectory = null)
    {
        string? Text(string key) => values.TryGetValue(key, out var raw) && raw.Text.Trim().Length != 0 ? raw.Text.Trim() : null;
        SecretValue? Secret(string key) => values.TryGetValue(key, out var raw) ? new SecretValue(raw.Text) : null;

        var authMethod = KubernetesAuthMethod.Token;
        if (Text(KubernetesConnectorKeys.AuthMethod) is { } methodText && !KubernetesAuthMethodNames.TryParse(methodText, out authMethod))
        {
            throw Invalid(ConnectorRule.InvalidAuthMethod, values, KubernetesConnectorKeys.AuthMethod, "the auth method '" + methodText + "' is not supported; use 'token' or 'password'.");
        }

        var insecure = false;
        if (Text(KubernetesConnectorKeys.InsecureSkipTlsVerify) is { } insecureText && !bool.TryParse(insecureText, out insecure))
        {
            throw Invalid(ConnectorRule.InvalidBoolean, values, KubernetesConnectorKeys.InsecureSkipTlsVerify, "'" + insecureText + "' is not 'true' or 'false'.");
        }

        DateTimeOffset? expiresAt = null;
        if (Text(KubernetesConnectorKeys.ExpiresAt) is { } expiresText)
        {
            if (!DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw Invalid(ConnectorRule.InvalidExpiresAt, values, KubernetesConnectorKeys.ExpiresAt, "'" + expiresText + "' is not an ISO 8601 date and time, e.g. 2030-01-31T12:00:00Z.");
            }

            expiresAt = parsed;
        }

        var certificateAuthority = Pem(values, KubernetesConnectorKeys.CertificateAuthorityData, "CERTIFICATE", ConnectorRule.InvalidCertificateAuthority, baseDirectory, secret: false);
        var clientCertificate = Pem(values, KubernetesConnectorKeys.ClientCertificateData, "CERTIFICATE", ConnectorRule.InvalidClientCertificate, baseDirectory, secret: false);
        var clientKey = Pem(values, KubernetesConnectorKeys.ClientKeyData, "PRIVATE KEY", ConnectorRule.InvalidClientKey, baseDirectory, secret: true);

        return new KubernetesConnectorSpec
        {
            Name = name,
            Server = Text(KubernetesConnectorKeys.Server) ?? string.Empty,
            ClusterName = Text(KubernetesConnectorKeys.ClusterName),
            AuthMethod = authMethod,
            Token = Secret(KubernetesConnectorKeys.Token),
            TokenFile = Text(KubernetesConnectorKeys.TokenFile),
            Username = Text(KubernetesConnectorKeys.Username) is null ? null : Secret(KubernetesConnectorKeys.Username),
            Password = Text(KubernetesConnectorKeys.Password) is null ? null : Secret(KubernetesConnectorKeys.Password),
            CertificateAuthorityData = certificateAuthority,
            ClientCertificateData = clientCertificate,
            ClientKeyData = SecretValue.From(clientKey),
            InsecureSkipTlsVerify = insecure,
            TlsServerName = Text(KubernetesConnectorKeys.TlsServerName),
            Namespace = Text(KubernetesConnectorKeys.Namespace),
            ExpiresAt = expiresAt,
            Sources = values.ToDictionary(pair => pair.Key, pair => pair.Value.Source, StringComparer.Ordinal),
        };
    }

    private static string? Pem(IReadOnlyDictionary<string, RawValue> values, string key, string label, ConnectorRule rule, string? baseDirectory, bool secret)
    {
        if (!values.TryGetValue(key, out var raw) || raw.Text.Trim().Length == 0)
        {
            return null;
        }

        return CertificateMaterial.TryLoad(raw.Text, baseDirectory, label, secret, out _, out var error)
            ?? throw Invalid(rule, values, key, error + "; give base64 of the PEM text (a kubeconfig's *-data value).");
    }

    private static KubernetesConnectorException Invalid(ConnectorRule rule, IReadOnlyDictionary<string, RawValue> values, string key, string problem) =>
        new(ConnectorRules.Code(ConnectorRules.RuntimeBase, rule), key + " in " + values[key].Source.Detail + " is invalid: " + problem);
}
