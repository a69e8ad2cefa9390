using System.Globalization;
using System.Text.Json;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Kubeconfig;

namespace Connectors.Kubernetes.Credentials;

/// <summary>Reads the <c>ExecCredential</c> object an exec plugin prints on standard output.</summary>
internal static class ExecCredentialResponse
{
    public static KubernetesCredential Parse(string output, KubernetesExecConfig command)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output);
        }
        catch (JsonException)
        {
            // The output may hold a secret: say what is wrong, never echo it.
            throw Invalid(command, "the output is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(command, "the output is not a JSON object");
            }

            if (!string.Equals(Text(root, "kind"), "ExecCredential", StringComparison.Ordinal))
            {
                throw Invalid(command, "its kind is not ExecCredential");
            }

            var apiVersion = Text(root, "apiVersion");
            if (!string.Equals(apiVersion, command.ApiVersion, StringComparison.Ordinal))
            {
                throw Invalid(command, $"it answered apiVersion '{apiVersion}' but the kubeconfig asks for '{command.ApiVersion}'");
            }

            if (!root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(command, "it has no status");
            }

            var token = Text(status, "token");
            if (string.IsNullOrEmpty(token))
            {
                var message = Text(status, "clientCertificateData") is null
                    ? "its status has no token"
                    : "it returned a client certificate instead of a token; exec-issued client certificates are not supported, put the certificate in the connector";
                throw Invalid(command, message);
            }

            DateTimeOffset? expiresAt = null;
            var expiration = Text(status, "expirationTimestamp");
            if (!string.IsNullOrEmpty(expiration))
            {
                if (!DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
                {
                    throw Invalid(command, $"its expirationTimestamp '{expiration}' is not an RFC 3339 time");
                }

                expiresAt = parsed;
            }

            return KubernetesCredential.Bearer(token, expiresAt);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static KubernetesConnectorException Invalid(KubernetesExecConfig command, string what) => new(
        KubernetesErrorCodes.ExecPluginInvalidOutput,
        $"the exec credential plugin '{command.Command}' printed an unusable ExecCredential: {what}. "
        + "Run the plugin by hand and check it prints an ExecCredential with status.token for the configured apiVersion.");
}
