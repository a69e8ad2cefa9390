using System.Globalization;

namespace Connectors.Kubernetes.Cli.Output;

/// <summary>Formats the EXPIRES IN column: "N/A" when nothing expires, "expired" when past, else the largest two units ("3d 4h", "12m 5s").</summary>
internal static class Durations
{
    public const string NotApplicable = "N/A";

    public static string ExpiresIn(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is not { } at)
        {
            return NotApplicable;
        }

        var left = at - now;
        if (left <= TimeSpan.Zero)
        {
            return "expired";
        }

        var parts = new List<string>(2);
        void Add(int value, string unit)
        {
            if (value > 0 && parts.Count < 2)
            {
                parts.Add(value.ToString(CultureInfo.InvariantCulture) + unit);
            }
            else if (parts.Count == 1)
            {
                parts.Add("0" + unit);
            }
        }

        Add((int)left.TotalDays, "d");
        Add(left.Hours, "h");
        Add(left.Minutes, "m");
        Add(left.Seconds, "s");
        return parts.Count == 0 ? "<1s" : string.Join(' ', parts);
    }

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
