using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>Labels as the item stores them (<c>key=value;key=value</c>) and as options give them (<c>key=value</c>).</summary>
internal static class LabelSet
{
    public static IReadOnlyDictionary<string, string> Parse(string? text)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return labels;
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                labels[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
            else
            {
                labels[part] = string.Empty;
            }
        }

        return labels;
    }

    /// <summary>Parses one <c>--label key=value</c> option value.</summary>
    public static KeyValuePair<string, string> ParseOption(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? text.Trim() : text[..equals].Trim();
        var value = equals < 0 ? string.Empty : text[(equals + 1)..].Trim();
        if (equals <= 0 || key.Length == 0 || key.IndexOfAny([';', '=', ' ']) >= 0 || value.Contains(';', StringComparison.Ordinal))
        {
            throw new CliException(
                CliDiagnostics.InvalidLabel,
                $"The label '{text}' is not of the form key=value.",
                "Give each label as --label key=value; keys have no spaces, '=' or ';', values no ';'.");
        }

        return new(key, value);
    }

    public static string Format(IReadOnlyDictionary<string, string> labels) =>
        string.Join(';', labels.Select(pair => pair.Key + "=" + pair.Value));
}
