// Shared source: compiled into the runtime, the MSBuild task and the CLI. BCL only.
using System.Globalization;

namespace Connectors.Kubernetes.Validation;

/// <summary>Maps shared rule numbers to the diagnostic codes of each layer.</summary>
internal static class ConnectorRules
{
    /// <summary>Code base of the runtime (<c>KC1xxx</c>).</summary>
    public const int RuntimeBase = 1000;

    /// <summary>Code base of the MSBuild task (<c>KC2xxx</c>).</summary>
    public const int MSBuildBase = 2000;

    /// <summary>Code base of the command line (<c>KC5xxx</c>).</summary>
    public const int CliBase = 5000;

    /// <summary>Formats the code of <paramref name="rule"/> for a layer, e.g. <c>KC1001</c>.</summary>
    public static string Code(int layerBase, ConnectorRule rule) =>
        "KC" + (layerBase + (int)rule).ToString("D4", CultureInfo.InvariantCulture);
}
