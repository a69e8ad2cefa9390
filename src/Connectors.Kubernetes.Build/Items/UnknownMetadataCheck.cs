using Connectors.Kubernetes.Items;
using System.Globalization;
using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Locations;

namespace Connectors.Kubernetes.Build.Items;

/// <summary>
/// Metadata the item contract does not define is almost always a typo (<c>Sever=</c>), which would
/// otherwise be ignored silently; it is a warning so other tools may still add their own metadata
/// (suppress with <c>NoWarn</c>).
/// </summary>
internal static class UnknownMetadataCheck
{
    /// <summary>Checks every item.</summary>
    public static IEnumerable<BuildDiagnostic> Check(IEnumerable<ConnectorItem> items, ProjectXmlLocator locator)
    {
        foreach (var item in items)
        {
            foreach (var name in item.Metadata.Keys
                .Where(n => !ConnectorItemContract.Known.Contains(n) && !ConnectorMetadata.Secret.Contains(n))
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
            {
                yield return new BuildDiagnostic(
                    BuildDiagnosticCodes.UnknownMetadata,
                    BuildSeverity.Warning,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Connector '{0}' has metadata '{1}', which KubernetesConnector items do not use; it is ignored. Known metadata: {2}.",
                        item.Name,
                        name,
                        string.Join(", ", ConnectorItemContract.Known.OrderBy(n => n, StringComparer.Ordinal))),
                    locator.Locate(item.DefiningFile, ConnectorItemContract.ItemType, item.Name, item.Occurrence, name));
            }
        }
    }
}
