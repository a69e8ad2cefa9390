using Connectors.Kubernetes.Items;
using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Items;
using Connectors.Kubernetes.Build.Locations;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Build;

/// <summary>
/// Runs the one shared declaration validator (<c>src/Shared/Validation</c>) on each item and reports
/// rule N as <c>KC2000+N</c> at the attribute the rule names. Secrets live in parameters the build
/// cannot see, so the validator is told they are not supplied and that any written inline is an error.
/// </summary>
internal static class DeclarationRulesCheck
{
    /// <summary>Validates every item.</summary>
    /// <param name="items">The declarations.</param>
    /// <param name="projectDirectory">The folder relative certificate paths are resolved against (as MSBuild resolves item paths).</param>
    /// <param name="now">The instant expiry is judged against.</param>
    /// <param name="locator">Finds lines.</param>
    public static IEnumerable<BuildDiagnostic> Check(IReadOnlyList<ConnectorItem> items, string projectDirectory, DateTimeOffset now, ProjectXmlLocator locator)
    {
        var options = new DeclarationValidationOptions { SecretsSupplied = false, ForbidInlineSecrets = true, Now = now };
        foreach (var item in items)
        {
            // ClientKeyData is key material by its very name; the contract's ClientKey takes a path only.
            if (item.Get("ClientKeyData") is not null)
            {
                yield return new BuildDiagnostic(
                    ConnectorRules.Code(ConnectorRules.MSBuildBase, ConnectorRule.SecretInDeclaration),
                    BuildSeverity.Error,
                    "Connector '" + item.Name + "': the client key is written inline (ClientKeyData). Secrets never belong in a project file: remove it, and give ClientKey a path to the key file or set the parameter '" + item.Name + "-client-key' instead.",
                    locator.Locate(item.DefiningFile, ConnectorItemContract.ItemType, item.Name, item.Occurrence, "ClientKeyData"));
            }

            foreach (var diagnostic in DeclarationValidator.Validate(ToDeclaration(item, projectDirectory), options))
            {
                // An auto-configured connector takes its server from the kubeconfig when the app host starts.
                if (item.IsAutoConfigure && diagnostic.Rule == ConnectorRule.MissingServer)
                {
                    continue;
                }

                var attribute = AttributeOf(item, diagnostic.Field);
                yield return new BuildDiagnostic(
                    diagnostic.Code(ConnectorRules.MSBuildBase),
                    diagnostic.Severity == DeclarationSeverity.Error ? BuildSeverity.Error : BuildSeverity.Warning,
                    "Connector '" + item.Name + "': " + diagnostic.Message,
                    locator.Locate(item.DefiningFile, ConnectorItemContract.ItemType, item.Name, item.Occurrence, attribute));
            }
        }
    }

    /// <summary>The item's fields in the shared declaration shape; metadata names match the field names.</summary>
    internal static ConnectorDeclaration ToDeclaration(ConnectorItem item, string projectDirectory) => new()
    {
        Name = item.Name,
        Server = item.Get(ConnectorItemContract.Server),
        AuthMethod = item.Get(ConnectorItemContract.AuthMethod),
        ClusterName = item.Get(ConnectorItemContract.ClusterName),
        Namespace = item.Get(ConnectorItemContract.Namespace),
        Token = item.Get("Token"),
        Username = item.Get("Username"),
        Password = item.Get("Password"),
        CertificateAuthority = item.Get(ConnectorItemContract.CertificateAuthority),
        ClientCertificate = item.Get(ConnectorItemContract.ClientCertificate) ?? item.Get("ClientCertificateData"),
        ClientKey = item.Get(ConnectorItemContract.ClientKey),
        InsecureSkipTlsVerify = item.Get(ConnectorItemContract.InsecureSkipTlsVerify),
        TlsServerName = item.Get(ConnectorItemContract.TlsServerName),
        ExpiresAt = item.Get(ConnectorItemContract.ExpiresAt),
        BaseDirectory = projectDirectory,
    };

    /// <summary>The metadata a finding about <paramref name="field"/> points at; null points at the element.</summary>
    private static string? AttributeOf(ConnectorItem item, string field)
    {
        if (string.Equals(field, "Name", StringComparison.Ordinal))
        {
            return null;
        }

        // Data variants were mapped onto their fields; point at whichever the item actually has.
        if (item.Get(field) is null && item.Get(field + "Data") is not null)
        {
            return field + "Data";
        }

        return field;
    }
}
