using System.Text.RegularExpressions;

namespace Connectors.EndToEnd.Tests.Support;

/// <summary>
/// The severities docs/diagnostics.md gives each code, read from its tables, so the tests hold the build to
/// what the documentation promises. Shared rule N is documented once as <c>KC1000+N</c>; <c>KC2000+N</c>
/// (MSBuild) takes its severity.
/// </summary>
internal static partial class DocumentedDiagnostics
{
    private static readonly Lazy<Dictionary<string, string>> Severities = new(Read);

    public static string SeverityOf(string code)
    {
        if (Severities.Value.TryGetValue(code, out var severity))
        {
            return severity;
        }

        var number = int.Parse(code.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
        if (number is > 2000 and < 2100 && Severities.Value.TryGetValue($"KC{number - 1000}", out severity))
        {
            return severity;
        }

        throw new InvalidOperationException($"{code} is not documented in docs/diagnostics.md.");
    }

    private static Dictionary<string, string> Read()
    {
        var severities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Repository.File("docs", "diagnostics.md")))
        {
            var match = Row().Match(line);
            if (match.Success)
            {
                severities.TryAdd(match.Groups["code"].Value, match.Groups["severity"].Value);
            }
        }

        return severities;
    }

    [GeneratedRegex(@"^\|(?:\s*\d+\s*\|)?\s*`(?<code>KC\d{4})`\s*\|\s*(?<severity>error|warning)\s*\|")]
    private static partial Regex Row();
}
