using System.Globalization;

namespace Connectors.Kubernetes.Cli.Output;

/// <summary>Times as the machine formats print them (EXPIRES IN uses the core's describer rule).</summary>
internal static class Durations
{
    /// <summary>ISO 8601 in UTC (JSON and YAML output).</summary>
    public static string? Iso(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>--expires-at</c> and returns it normalised to ISO 8601 UTC.</summary>
    public static string ParseIso(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return Iso(value)!;
        }

        throw new Infrastructure.CliException(
            Infrastructure.CliDiagnostics.InvalidExpiry,
            $"'{text}' is not a date and time.",
            "Give it in ISO 8601, e.g. 2026-12-31T00:00:00Z.");
    }
}
