using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Store;

namespace Connectors.Kubernetes.Testing.Life;

/// <summary>Per-object overrides of the simulated life cycle, set as annotations by a test.</summary>
internal static class LifeAnnotations
{
    public const string Duration = "loopback.connectors.test/duration";
    public const string Outcome = "loopback.connectors.test/outcome";
    public const string Log = "loopback.connectors.test/log";

    public static TimeSpan DurationOr(JsonObject obj, TimeSpan fallback)
    {
        var text = JsonTree.String(obj, "metadata", "annotations", Duration);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        text = text.Trim();
        if (text.EndsWith("ms", StringComparison.Ordinal) && double.TryParse(text[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (text.EndsWith('s') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : fallback;
    }

    public static LoopbackJobOutcome OutcomeOr(JsonObject obj, LoopbackJobOutcome fallback)
        => Enum.TryParse<LoopbackJobOutcome>(JsonTree.String(obj, "metadata", "annotations", Outcome), ignoreCase: true, out var outcome) ? outcome : fallback;

    public static IEnumerable<string> LogLines(JsonObject obj)
        => (JsonTree.String(obj, "metadata", "annotations", Log) ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
