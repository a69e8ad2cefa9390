using System.Text;

namespace Connectors.Kubernetes.Cli.Output;

/// <summary>
/// A plain-text table with rounded box borders, an optional centred title and multi-line cells,
/// wrapped at word boundaries to fit the width. Written here rather than with a rendering library
/// because every read verb prints one and the tool's cold start is a measured goal: this costs next to
/// nothing to load.
/// </summary>
internal sealed class TextTable
{
    private const int MinimumColumnWidth = 8;
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers) => _headers = headers;

    /// <summary>A line centred above the table, or null.</summary>
    public string? Title { get; set; }

    /// <summary>Adds a row; missing cells are empty, '\n' starts a new line inside a cell.</summary>
    public TextTable Row(params string?[] cells)
    {
        var row = new string[_headers.Length];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = i < cells.Length ? cells[i] ?? string.Empty : string.Empty;
        }

        _rows.Add(row);
        return this;
    }

    public void Write(TextWriter writer, int maxWidth)
    {
        var widths = NaturalWidths();
        var minimums = MinimumWidths(widths);

        // Borders and padding take 3 characters per column plus 1. Until the table fits, narrow the
        // column with the most room to give (long free text first, short codes last).
        while (widths.Sum() + (3 * widths.Length) + 1 > maxWidth)
        {
            var best = -1;
            for (var i = 0; i < widths.Length; i++)
            {
                if (widths[i] > minimums[i] && (best < 0 || widths[i] - minimums[i] > widths[best] - minimums[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            widths[best]--;
        }

        var total = widths.Sum() + (3 * widths.Length) + 1;
        if (Title is { Length: > 0 } title)
        {
            writer.WriteLine(new string(' ', Math.Max(0, (total - title.Length) / 2)) + title);
        }

        writer.WriteLine(Border('╭', '┬', '╮', widths));
        WriteRow(writer, _headers, widths);
        writer.WriteLine(Border('├', '┼', '┤', widths));
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }

        writer.WriteLine(Border('╰', '┴', '╯', widths));
    }

    private int[] NaturalWidths()
    {
        var widths = _headers.Select(header => header.Length).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                foreach (var line in row[i].Split('\n'))
                {
                    widths[i] = Math.Max(widths[i], line.Length);
                }
            }
        }

        return widths;
    }

    /// <summary>A column never gets narrower than its header or its longest word (up to a limit), so words are not cut when it can be avoided.</summary>
    private int[] MinimumWidths(int[] natural)
    {
        var minimums = new int[natural.Length];
        for (var i = 0; i < natural.Length; i++)
        {
            var longestWord = _headers[i].Length;
            foreach (var row in _rows)
            {
                foreach (var word in row[i].Split([' ', '\n']))
                {
                    longestWord = Math.Max(longestWord, word.Length);
                }
            }

            minimums[i] = Math.Min(natural[i], Math.Max(MinimumColumnWidth, Math.Min(longestWord, 24)));
        }

        return minimums;
    }

    private static string Border(char left, char middle, char right, int[] widths)
    {
        var builder = new StringBuilder().Append(left);
        for (var i = 0; i < widths.Length; i++)
        {
            builder.Append('─', widths[i] + 2).Append(i == widths.Length - 1 ? right : middle);
        }

        return builder.ToString();
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var wrapped = cells.Select((cell, i) => Wrap(cell, widths[i])).ToArray();
        var height = wrapped.Max(lines => lines.Count);
        for (var line = 0; line < height; line++)
        {
            var builder = new StringBuilder("│");
            for (var i = 0; i < cells.Length; i++)
            {
                var text = line < wrapped[i].Count ? wrapped[i][line] : string.Empty;
                builder.Append(' ').Append(text).Append(' ', widths[i] - text.Length + 1).Append('│');
            }

            writer.WriteLine(builder.ToString());
        }
    }

    /// <summary>Splits a cell into lines no longer than <paramref name="width"/>, breaking at spaces where it can.</summary>
    private static List<string> Wrap(string cell, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in cell.Split('\n'))
        {
            var rest = paragraph;
            while (rest.Length > width)
            {
                var cut = rest.LastIndexOf(' ', width);
                if (cut <= 0)
                {
                    cut = width;
                }

                lines.Add(rest[..cut].TrimEnd());
                rest = rest[cut..].TrimStart();
            }

            lines.Add(rest);
        }

        return lines;
    }
}
