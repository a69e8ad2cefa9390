using Connectors.Kubernetes.Items;
using System.Globalization;
using Connectors.Kubernetes.Build.Diagnostics;
using Connectors.Kubernetes.Build.Items;
using Connectors.Kubernetes.Build.Locations;

namespace Connectors.Kubernetes.Build.Secrets;

/// <summary>
/// Warns (never fails) when a connector's secret parameter has no value anywhere the build can see.
/// The message names the parameter and where it was looked for, and how to set it; it never prints a value.
/// </summary>
internal static class SecretParameterCheck
{
    /// <summary>Checks every connector in <paramref name="items"/>.</summary>
    public static IEnumerable<BuildDiagnostic> Check(IEnumerable<ConnectorItem> items, ParameterSources sources, string? userSecretsId, ProjectXmlLocator locator)
    {
        var checkedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (!checkedNames.Add(item.Name))
            {
                continue; // a duplicate declaration is reported once, by the duplicate-name check
            }

            foreach (var parameter in SecretParameterNames.Required(item))
            {
                if (sources.HasValue(parameter))
                {
                    continue;
                }

                var where = string.IsNullOrEmpty(userSecretsId)
                    ? "the project has no UserSecretsId, and neither appsettings.json nor the environment sets it"
                    : "neither the project's user secrets (UserSecretsId " + userSecretsId + "), appsettings.json nor the environment sets it";
                var fix = string.IsNullOrEmpty(userSecretsId)
                    ? "run 'dotnet user-secrets init' and 'dotnet user-secrets set " + ParameterSources.ConfigurationKey(parameter) + " <value>'"
                    : "run 'dotnet user-secrets set " + ParameterSources.ConfigurationKey(parameter) + " <value>'";
                var message = string.Format(
                    CultureInfo.InvariantCulture,
                    "Connector '{0}' needs a value for the secret parameter '{1}', but {2}. The app host will fail to start the connector. Fix: {3} in the app host's folder, or set the environment variable {4}.",
                    item.Name,
                    parameter,
                    where,
                    fix,
                    ParameterSources.EnvironmentVariable(parameter));
                yield return new BuildDiagnostic(
                    BuildDiagnosticCodes.SecretParameterMissing,
                    BuildSeverity.Warning,
                    message,
                    locator.Locate(item.DefiningFile, ConnectorItemContract.ItemType, item.Name, item.Occurrence));
            }
        }
    }
}
