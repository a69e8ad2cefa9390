using System.Globalization;
using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Items;
using Connectors.Kubernetes.Build.Locations;
using Microsoft.Build.Framework;

namespace Connectors.Kubernetes.Build.Requirements;

/// <summary>
/// Every connector a referenced component requires (its <c>KubernetesConnectorReference</c> items,
/// collected through the <c>GetKubernetesConnectorRequirements</c> target) must be declared by the
/// app host. A missing one is an error at the app host's <c>ProjectReference</c> to that component.
/// </summary>
internal static class ComponentRequirementCheck
{
    /// <summary>Checks <paramref name="requirements"/> against <paramref name="declared"/>.</summary>
    /// <param name="requirements">Items named after a required connector, with <c>MSBuildSourceProjectFile</c> (the component).</param>
    /// <param name="declared">The app host's connector items.</param>
    /// <param name="projectReferences">The app host's <c>ProjectReference</c> items, used to point at the right line.</param>
    /// <param name="projectFile">The app host's project file.</param>
    /// <param name="locator">Finds lines.</param>
    public static IEnumerable<BuildDiagnostic> Check(
        IEnumerable<ITaskItem> requirements,
        IEnumerable<ConnectorItem> declared,
        IEnumerable<ITaskItem> projectReferences,
        string projectFile,
        ProjectXmlLocator locator)
    {
        var names = new HashSet<string>(declared.Select(d => d.Name), StringComparer.OrdinalIgnoreCase);
        var reported = new HashSet<(string, string)>();
        var references = projectReferences.ToList();
        foreach (var requirement in requirements)
        {
            var connector = requirement.ItemSpec.Trim();
            var componentFile = requirement.GetMetadata("MSBuildSourceProjectFile");
            if (connector.Length == 0 || names.Contains(connector) || !reported.Add((componentFile, connector.ToUpperInvariant())))
            {
                continue;
            }

            var component = requirement.GetMetadata("KubernetesConnectorComponent");
            if (string.IsNullOrEmpty(component))
            {
                component = Path.GetFileNameWithoutExtension(componentFile);
            }

            var message = string.Format(
                CultureInfo.InvariantCulture,
                "Component '{0}' ({1}) requires the connector '{2}', which this app host does not declare. Add <KubernetesConnector Include=\"{2}\" .../> to the app host, or remove <KubernetesConnectorReference Include=\"{2}\" /> from the component.",
                component,
                componentFile,
                connector);
            yield return new BuildDiagnostic(
                BuildDiagnosticCodes.RequiredConnectorNotDeclared,
                BuildSeverity.Error,
                message,
                LocateReference(references, componentFile, projectFile, locator));
        }
    }

    private static SourceLocation LocateReference(List<ITaskItem> references, string componentFile, string projectFile, ProjectXmlLocator locator)
    {
        foreach (var reference in references)
        {
            var definingFile = reference.GetMetadata("DefiningProjectFullPath");
            if (string.IsNullOrEmpty(definingFile))
            {
                definingFile = projectFile;
            }

            var location = locator.LocateByPath(definingFile, "ProjectReference", componentFile);
            if (location.Line > 0)
            {
                return location;
            }
        }

        return SourceLocation.FileOnly(projectFile);
    }
}
