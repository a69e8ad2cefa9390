using Connectors.Kubernetes.Items;
using System.Globalization;
using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Locations;

namespace Connectors.Kubernetes.Build.Items;

/// <summary>
/// Two declarations of one connector name are an error at the second one. Names are compared without
/// regard to case because configuration keys (<c>ConnectionStrings:kube-prod</c>) are case-insensitive.
/// </summary>
internal static class DuplicateNameCheck
{
    /// <summary>Reports every item whose name an earlier item already declared.</summary>
    public static IEnumerable<BuildDiagnostic> Check(IEnumerable<ConnectorItem> items, ProjectXmlLocator locator)
    {
        var first = new Dictionary<string, (ConnectorItem Item, SourceLocation Location)>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var location = locator.Locate(item.DefiningFile, ConnectorItemContract.ItemType, item.Name, item.Occurrence);
            if (!first.TryGetValue(item.Name, out var earlier))
            {
                first[item.Name] = (item, location);
                continue;
            }

            var message = string.Format(
                CultureInfo.InvariantCulture,
                "Connector '{0}' is declared more than once; the first declaration is at {1}. Each KubernetesConnector item needs its own name: remove or rename one of them.",
                item.Name,
                Describe(earlier.Location));
            yield return new BuildDiagnostic(BuildDiagnosticCodes.DuplicateName, BuildSeverity.Error, message, location);
        }
    }

    private static string Describe(SourceLocation location) =>
        location.Line > 0
            ? string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", location.File, location.Line, location.Column)
            : location.File;
}
