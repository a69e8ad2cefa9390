using System.Globalization;
using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Locations;

namespace Connectors.Kubernetes.Build.Items;

/// <summary>
/// A project file is committed and shared: a token, username, password or inline key written on a
/// <c>KubernetesConnector</c> item is an error. The message names the metadata and the parameter
/// that should hold the secret instead; the value itself is never repeated.
/// </summary>
internal static class SecretMetadataCheck
{
    /// <summary>Checks every item.</summary>
    public static IEnumerable<BuildDiagnostic> Check(IEnumerable<ConnectorItem> items, ProjectXmlLocator locator)
    {
        foreach (var item in items)
        {
            foreach (var name in item.Metadata.Keys.Where(ConnectorMetadata.Secret.Contains).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
            {
                yield return new BuildDiagnostic(
                    BuildDiagnosticCodes.SecretInProjectFile,
                    BuildSeverity.Error,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Connector '{0}' has a secret in the project file (metadata '{1}'). Secrets never go into a project file: remove the metadata, and store the value as the Aspire parameter '{2}' (dotnet user-secrets set {3} <value>). Consider the value leaked if the file was committed.",
                        item.Name,
                        name,
                        ParameterFor(item.Name, name),
                        Secrets.ParameterSources.ConfigurationKey(ParameterFor(item.Name, name))),
                    locator.Locate(item.DefiningFile, ConnectorMetadata.ItemType, item.Name, item.Occurrence, name));
            }

            var clientKey = item.Get(ConnectorMetadata.ClientKey);
            if (clientKey is not null && LooksInline(clientKey))
            {
                yield return new BuildDiagnostic(
                    BuildDiagnosticCodes.SecretInProjectFile,
                    BuildSeverity.Error,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Connector '{0}' has an inline private key in ClientKey; ClientKey takes a file path only. Remove it and store the key as the Aspire parameter '{1}-client-key', or point ClientKey at a key file kept out of source control. Consider the key leaked if the file was committed.",
                        item.Name,
                        item.Name),
                    locator.Locate(item.DefiningFile, ConnectorMetadata.ItemType, item.Name, item.Occurrence, ConnectorMetadata.ClientKey));
            }
        }
    }

    private static string ParameterFor(string connector, string metadataName) => metadataName.ToUpperInvariant() switch
    {
        "USERNAME" => connector + "-username",
        "PASSWORD" => connector + "-password",
        "CLIENTKEYDATA" => connector + "-client-key",
        "CLIENTCERTIFICATEDATA" => connector + "-client-certificate",
        _ => connector + "-token",
    };

    /// <summary>PEM text, or a long run of base64 with no path separator, is key material rather than a path.</summary>
    private static bool LooksInline(string value) =>
        value.Contains("-----BEGIN", StringComparison.Ordinal)
        || (value.Length > 200 && value.IndexOfAny(['/', '\\']) < 0 && !value.Contains('.', StringComparison.Ordinal))
        || (value.Length > 200 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '\n' or '\r'));
}
