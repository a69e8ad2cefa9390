using System;
using System.Collections.Generic;
using Connectors.Kubernetes.Generators.Common;
using Connectors.Kubernetes.Generators.Diagnostics;
using Connectors.Kubernetes.Generators.Model;

namespace Connectors.Kubernetes.Generators.Parsing;

/// <summary>Turns an app host's <c>KubernetesConnector</c> items into validated declarations.</summary>
internal static class AppHostParser
{
    /// <summary>The MSBuild item type named in diagnostics.</summary>
    public const string ItemType = "KubernetesConnector";

    /// <summary>Builds the app-host model; <see langword="null"/> model when the project declares no connector.</summary>
    public static ParseResult<AppHostModel> Parse(EquatableArray<ConnectorManifest> manifests, GeneratorOptions options)
    {
        var declared = new List<ConnectorItem>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var manifest in manifests)
        {
            if (manifest.Kind == ConnectorItemKind.Declared)
            {
                declared.AddRange(manifest.Items);
                diagnostics.AddRange(manifest.Diagnostics);
            }
        }

        if (declared.Count == 0)
        {
            return new ParseResult<AppHostModel>(null, EquatableArray<DiagnosticInfo>.From(diagnostics));
        }

        var connectors = new List<DeclaredConnector>();
        foreach (var (item, identity) in ConnectorNameResolver.Resolve(declared, ItemType, diagnostics))
        {
            if (ToDeclaration(item, identity, diagnostics) is { } connector)
            {
                connectors.Add(connector);
            }
        }

        var model = connectors.Count == 0
            ? null
            : new AppHostModel(options.AppHostNamespace, options.ProjectDirectory, EquatableArray<DeclaredConnector>.From(connectors));
        return new ParseResult<AppHostModel>(model, EquatableArray<DiagnosticInfo>.From(diagnostics));
    }

    private static DeclaredConnector? ToDeclaration(ConnectorItem item, ConnectorIdentity identity, List<DiagnosticInfo> diagnostics)
    {
        var before = diagnostics.Count;
        var name = item.Name;
        var autoConfigure = Flag(item.AutoConfigure, "AutoConfigure", name, diagnostics);
        var insecure = Flag(item.InsecureSkipTlsVerify, "InsecureSkipTlsVerify", name, diagnostics);
        var isDefault = Flag(item.Default, "Default", name, diagnostics);

        if (!autoConfigure && item.Server is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingMetadata, name, "Server", "https://" + name + ".example.test"));
        }

        string? authMethod = null;
        if (item.AuthMethod is null)
        {
            if (!autoConfigure)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingMetadata, name, "AuthMethod", "token"));
            }
        }
        else if (string.Equals(item.AuthMethod, "token", StringComparison.OrdinalIgnoreCase))
        {
            authMethod = "token";
        }
        else if (string.Equals(item.AuthMethod, "password", StringComparison.OrdinalIgnoreCase))
        {
            authMethod = "password";
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownAuthMethod, name, item.AuthMethod));
        }

        if (item.ClientKey is { } key && LooksLikeKeyMaterial(key))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InlineClientKey, name));
        }

        var labels = ParseLabels(item.Labels, name, diagnostics);
        var expiresAt = ParseExpiry(item.ExpiresAt, name, diagnostics);
        if (diagnostics.Count != before)
        {
            // A declaration with an error is left out, so the error is reported once, by us, and not
            // again as a confusing compile error in generated code.
            return null;
        }

        return new DeclaredConnector(
            identity,
            item.Server,
            authMethod,
            item.ClusterName,
            item.ClusterName ?? HostOf(item.Server),
            item.Namespace,
            item.CertificateAuthority,
            item.ClientCertificate,
            item.ClientKey,
            insecure,
            item.TlsServerName,
            expiresAt,
            labels,
            isDefault,
            autoConfigure,
            item.Context,
            item.Kubeconfig);
    }

    private static bool Flag(string? value, string metadata, string name, List<DiagnosticInfo> diagnostics)
    {
        if (value is null || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMetadataValue, name, metadata, "'" + value + "' is not 'true' or 'false'"));
        return false;
    }

    // Normalized to the round-trip form so the emitted code parses it back exactly.
    private static string? ParseExpiry(string? value, string name, List<DiagnosticInfo> diagnostics)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expiry))
        {
            return expiry.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMetadataValue, name, "ExpiresAt", "'" + value + "' is not a date and time (write an ISO 8601 value such as 2027-01-31T00:00:00Z)"));
        return null;
    }

    private static EquatableArray<Label> ParseLabels(string? text, string name, List<DiagnosticInfo> diagnostics)
    {
        if (text is null)
        {
            return EquatableArray<Label>.Empty;
        }

        var labels = new List<Label>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in text.Split(';'))
        {
            var trimmed = entry.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var equals = trimmed.IndexOf('=');
            var key = equals < 0 ? string.Empty : trimmed.Substring(0, equals).Trim();
            if (key.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMetadataValue, name, "Labels", "'" + trimmed + "' is not a key=value pair (write Labels=\"team=ml;env=prod\")"));
                continue;
            }

            if (!keys.Add(key))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMetadataValue, name, "Labels", "the key '" + key + "' appears more than once"));
                continue;
            }

            labels.Add(new Label(key, trimmed.Substring(equals + 1).Trim()));
        }

        return EquatableArray<Label>.From(labels);
    }

    // Inline PEM, or base64 of PEM ("-----BEGIN" encodes to "LS0tLS1CRUdJTi"): never copied into code.
    private static bool LooksLikeKeyMaterial(string value) =>
        value.IndexOf("-----BEGIN", StringComparison.Ordinal) >= 0 ||
        value.IndexOf("PRIVATE KEY", StringComparison.OrdinalIgnoreCase) >= 0 ||
        value.StartsWith("LS0tLS1CRUdJTi", StringComparison.Ordinal);

    private static string? HostOf(string? server) =>
        server is not null && Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : null;
}
