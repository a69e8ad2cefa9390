using System.Text;

namespace Connectors.Kubernetes.Describe;

/// <summary>
/// Renders rows as a plain-text table with box-drawing borders, for terminals and logs. Values with
/// line breaks span several lines of their cell.
/// </summary>
public static class TextTable
{
    /// <summary>Renders <paramref name="rows"/> under <paramref name="headers"/>; every line ends with a newline.</summary>
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(row => headers.Select((_, i) => (i < row.Count ? row[i] ?? string.Empty : string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')).ToList()).ToList();
        var widths = headers.Select((header, i) => Math.Max(header.Length, cells.Count == 0 ? 0 : cells.Max(row => row[i].Max(line => line.Length)))).ToList();

        var text = new StringBuilder();
        Border(text, widths, '┌', '┬', '┐');
        Line(text, widths, headers);
        Border(text, widths, '├', '┼', '┤');
        foreach (var row in cells)
        {
            var height = row.Max(cell => cell.Length);
            for (var line = 0; line < height; line++)
            {
                Line(text, widths, row.Select(cell => line < cell.Length ? cell[line] : string.Empty).ToList());
            }
        }

        Border(text, widths, '└', '┴', '┘');
        return text.ToString();
    }

    private static void Border(StringBuilder text, List<int> widths, char left, char middle, char right)
    {
        text.Append(left);
        for (var i = 0; i < widths.Count; i++)
        {
            text.Append('─', widths[i] + 2).Append(i == widths.Count - 1 ? right : middle);
        }

        text.Append('\n');
    }

    private static void Line(StringBuilder text, List<int> widths, IReadOnlyList<string> values)
    {
        text.Append('│');
        for (var i = 0; i < widths.Count; i++)
        {
            text.Append(' ').Append(values[i].PadRight(widths[i])).Append(" │");
        }

        text.Append('\n');
    }
}
