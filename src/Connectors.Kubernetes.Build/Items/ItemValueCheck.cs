using Connectors.Kubernetes.Items;
using System.Globalization;
using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Locations;

namespace Connectors.Kubernetes.Build.Items;

/// <summary>
/// The item metadata that exists only in project files, so the shared declaration rules do not know it:
/// <c>AutoConfigure</c> and <c>Default</c> are booleans, <c>Labels</c> is <c>key=value</c> pairs, auto-configure
/// metadata means nothing without <c>AutoConfigure="true"</c>, and at most one connector is the default.
/// </summary>
internal static class ItemValueCheck
{
    /// <summary>Checks every item.</summary>
    public static IEnumerable<BuildDiagnostic> Check(IEnumerable<ConnectorItem> items, ProjectXmlLocator locator)
    {
        ConnectorItem? firstDefault = null;
        foreach (var item in items)
        {
            foreach (var name in new[] { ConnectorItemContract.AutoConfigure, ConnectorItemContract.Default })
            {
                var value = item.Get(name);
                if (value is not null && !bool.TryParse(value, out _))
                {
                    yield return Report(item, locator, name, BuildDiagnosticCodes.InvalidItemBoolean, BuildSeverity.Error, string.Format(
                        CultureInfo.InvariantCulture,
                        "Connector '{0}': {1} is '{2}'; use 'true' or 'false'.",
                        item.Name,
                        name,
                        value));
                }
            }

            var labels = item.Get(ConnectorItemContract.Labels);
            if (labels is not null && LabelProblem(labels) is { } problem)
            {
                yield return Report(item, locator, ConnectorItemContract.Labels, BuildDiagnosticCodes.InvalidLabels, BuildSeverity.Error, string.Format(
                    CultureInfo.InvariantCulture,
                    "Connector '{0}': Labels {1}. Write key=value pairs separated by ';', e.g. Labels=\"team=ml;env=prod\".",
                    item.Name,
                    problem));
            }

            if (!item.IsAutoConfigure)
            {
                foreach (var name in new[] { ConnectorItemContract.Context, ConnectorItemContract.Kubeconfig }.Where(n => item.Get(n) is not null))
                {
                    yield return Report(item, locator, name, BuildDiagnosticCodes.AutoConfigureMetadataIgnored, BuildSeverity.Warning, string.Format(
                        CultureInfo.InvariantCulture,
                        "Connector '{0}': {1} is used only with AutoConfigure=\"true\" and is ignored here. Add AutoConfigure=\"true\" to lift the credentials from the kubeconfig, or remove {1}.",
                        item.Name,
                        name));
                }
            }

            if (item.IsTrue(ConnectorItemContract.Default))
            {
                if (firstDefault is null)
                {
                    firstDefault = item;
                }
                else if (!string.Equals(firstDefault.Name, item.Name, StringComparison.OrdinalIgnoreCase))
                {
                    yield return Report(item, locator, ConnectorItemContract.Default, BuildDiagnosticCodes.MultipleDefaults, BuildSeverity.Error, string.Format(
                        CultureInfo.InvariantCulture,
                        "Connector '{0}' is marked Default=\"true\", but '{1}' already is; only one connector can be the default. Remove Default from one of them.",
                        item.Name,
                        firstDefault.Name));
                }
            }
        }
    }

    /// <summary>Why <paramref name="labels"/> is not a list of key=value pairs, or null when it is.</summary>
    private static string? LabelProblem(string labels)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in labels.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return "has '" + pair + "', which is not key=value";
            }

            var key = pair[..equals].Trim();
            if (!keys.Add(key))
            {
                return "sets '" + key + "' twice";
            }
        }

        return null;
    }

    private static BuildDiagnostic Report(ConnectorItem item, ProjectXmlLocator locator, string metadataName, string code, BuildSeverity severity, string message) =>
        new(code, severity, message, locator.Locate(item.DefiningFile, ConnectorItemContract.ItemType, item.Name, item.Occurrence, metadataName));
}
