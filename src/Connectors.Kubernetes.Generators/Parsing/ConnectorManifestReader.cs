using System;
using System.Collections.Generic;
using System.Globalization;
using Connectors.Kubernetes.Generators.Common;
using Connectors.Kubernetes.Generators.Diagnostics;
using Connectors.Kubernetes.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace Connectors.Kubernetes.Generators.Parsing;

/// <summary>Reads the connector items of one manifest file (see <see cref="ConnectorManifestFormat"/>).</summary>
internal static class ConnectorManifestReader
{
    private static readonly char[] FieldSeparators = { ' ', '\t' };

    private static readonly HashSet<string> KnownKeys = new(
        System.Linq.Enumerable.Concat(new[] { ConnectorManifestFormat.Name, ConnectorManifestFormat.Occurrences }, ConnectorManifestFormat.DeclaredMetadata),
        StringComparer.Ordinal);

    /// <summary>Returns the kind of manifest a file's <see cref="ConnectorManifestFormat.KindOption"/> value names, or <see langword="null"/>.</summary>
    public static ConnectorItemKind? KindOf(string? option) => option switch
    {
        ConnectorManifestFormat.DeclaredKind => ConnectorItemKind.Declared,
        ConnectorManifestFormat.RequiredKind => ConnectorItemKind.Required,
        _ => null,
    };

    /// <summary>Parses every item line of <paramref name="text"/>; lines it cannot read become KC3006.</summary>
    public static ConnectorManifest Read(ConnectorItemKind kind, SourceText? text)
    {
        var items = new List<ConnectorItem>();
        var diagnostics = new List<DiagnosticInfo>();
        if (text is null)
        {
            return new ConnectorManifest(kind, EquatableArray<ConnectorItem>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        foreach (var line in text.Lines)
        {
            var content = line.ToString().Trim();
            if (content.Length == 0 || content[0] == '#')
            {
                continue;
            }

            items.Add(ReadLine(kind, content, diagnostics));
        }

        return new ConnectorManifest(kind, EquatableArray<ConnectorItem>.From(items), EquatableArray<DiagnosticInfo>.From(diagnostics));
    }

    private static ConnectorItem ReadLine(ConnectorItemKind kind, string line, List<DiagnosticInfo> diagnostics)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var unreadable = false;
        foreach (var token in line.Split(FieldSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=');
            if (equals <= 0)
            {
                unreadable = true;
                continue;
            }

            var key = token.Substring(0, equals);
            var raw = token.Substring(equals + 1);
            if (!KnownKeys.Contains(key) || raw.StartsWith("$(", StringComparison.Ordinal))
            {
                // An unexpanded property function split at its spaces: MSBuild could not encode a value.
                unreadable = true;
                continue;
            }

            fields[key] = Uri.UnescapeDataString(raw).Trim();
        }

        string? Field(string key) => fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

        var name = Field(ConnectorManifestFormat.Name) ?? string.Empty;
        if (unreadable)
        {
            // MSBuild could not encode a value (a backtick in it breaks the property function).
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidMetadataValue,
                name,
                "metadata",
                "a value could not be passed to the compiler; remove quotes and backticks (`) from the item's metadata"));
        }

        var occurrences = int.TryParse(Field(ConnectorManifestFormat.Occurrences), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 1;
        if (kind == ConnectorItemKind.Required)
        {
            return ConnectorItem.Reference(name, occurrences);
        }

        return new ConnectorItem(
            kind,
            name,
            occurrences,
            Field("Server"),
            Field("AuthMethod"),
            Field("ClusterName"),
            Field("Namespace"),
            Field("CertificateAuthority"),
            Field("ClientCertificate"),
            Field("ClientKey"),
            Field("InsecureSkipTlsVerify"),
            Field("TlsServerName"),
            Field("ExpiresAt"),
            Field("Labels"),
            Field("Default"),
            Field("AutoConfigure"),
            Field("Context"),
            Field("Kubeconfig"));
    }
}
