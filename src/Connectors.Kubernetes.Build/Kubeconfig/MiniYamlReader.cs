using System.Globalization;
using System.Text;

namespace Connectors.Kubernetes.Build.Kubeconfig;

/// <summary>
/// A small, tolerant reader for the YAML that kubeconfig files use: block mappings and sequences
/// (including kubectl's "sequence at the key's indentation" style), plain, single- and double-quoted
/// scalars, flow collections on one line and block scalars. It yields dictionaries, lists and strings.
/// The task must not ship a YAML library, and the build needs only names, references and a few
/// credential fields; anything beyond this subset raises <see cref="FormatException"/> with the line,
/// and the caller reports the file as unreadable.
/// </summary>
internal sealed class MiniYamlReader
{
    private readonly List<Line> _lines;
    private int _index;

    private MiniYamlReader(List<Line> lines) => _lines = lines;

    /// <summary>Parses <paramref name="text"/> into nested dictionaries, lists and strings (null for empty or <c>null</c>).</summary>
    /// <exception cref="FormatException">The text is outside the supported subset; the message holds the line number only.</exception>
    public static object? Parse(string text)
    {
        var reader = new MiniYamlReader(Split(text));
        if (reader._lines.Count == 0)
        {
            return null;
        }

        var result = reader.ParseNode(reader._lines[0].Indent);
        if (reader._index < reader._lines.Count)
        {
            throw Error(reader._lines[reader._index].Number);
        }

        return result;
    }

    private object? ParseNode(int indent)
    {
        var line = _lines[_index];
        if (IsSequenceItem(line.Content))
        {
            return ParseSequence(line.Indent);
        }

        if (FindKeySeparator(line.Content) >= 0)
        {
            return ParseMapping(line.Indent);
        }

        _index++;
        return ParseScalarOrFlow(line.Content, line.Number);
    }

    private Dictionary<string, object?> ParseMapping(int indent)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (_index < _lines.Count)
        {
            var line = _lines[_index];
            if (line.Indent < indent)
            {
                break;
            }

            if (line.Indent > indent || IsSequenceItem(line.Content))
            {
                throw Error(line.Number);
            }

            var separator = FindKeySeparator(line.Content);
            if (separator < 0)
            {
                throw Error(line.Number);
            }

            var key = Unquote(line.Content.Substring(0, separator).Trim(), line.Number);
            var rest = line.Content.Substring(separator + 1).Trim();
            _index++;
            map[key] = ParseValue(rest, indent, line.Number);
        }

        return map;
    }

    private object? ParseValue(string rest, int parentIndent, int lineNumber)
    {
        if (rest.Length > 0 && (rest[0] == '|' || rest[0] == '>'))
        {
            return ParseBlockScalar(parentIndent, rest[0] == '>');
        }

        if (rest.Length > 0)
        {
            return ParseScalarOrFlow(rest, lineNumber);
        }

        if (_index >= _lines.Count)
        {
            return null;
        }

        var next = _lines[_index];
        if (next.Indent > parentIndent)
        {
            return ParseNode(next.Indent);
        }

        // kubectl writes "contexts:" followed by "- name: x" at the key's own indentation.
        if (next.Indent == parentIndent && IsSequenceItem(next.Content))
        {
            return ParseSequence(parentIndent);
        }

        return null;
    }

    private List<object?> ParseSequence(int indent)
    {
        var list = new List<object?>();
        while (_index < _lines.Count)
        {
            var line = _lines[_index];
            if (line.Indent != indent || !IsSequenceItem(line.Content))
            {
                if (line.Indent > indent)
                {
                    throw Error(line.Number);
                }

                break;
            }

            var rest = line.Content.Substring(1);
            var offset = 1 + (rest.Length - rest.TrimStart().Length);
            rest = rest.Trim();
            if (rest.Length == 0)
            {
                _index++;
                list.Add(_index < _lines.Count && _lines[_index].Indent > indent ? ParseNode(_lines[_index].Indent) : null);
                continue;
            }

            // "- key: value" opens a mapping whose keys line up with "key": re-read the rest of the
            // line as if it stood alone at that column.
            _lines[_index] = new Line(line.Number, indent + offset, rest, line.Raw);
            list.Add(ParseNode(indent + offset));
        }

        return list;
    }

    private string ParseBlockScalar(int parentIndent, bool folded)
    {
        var builder = new StringBuilder();
        var blockIndent = -1;
        while (_index < _lines.Count && _lines[_index].Indent > parentIndent)
        {
            var line = _lines[_index];
            if (blockIndent < 0)
            {
                blockIndent = line.Indent;
            }

            builder.Append(line.Raw.Length > blockIndent ? line.Raw.Substring(blockIndent) : string.Empty);
            builder.Append(folded ? ' ' : '\n');
            _index++;
        }

        return builder.ToString();
    }

    private static object? ParseScalarOrFlow(string text, int lineNumber)
    {
        var position = 0;
        var value = ParseFlowValue(text, ref position, lineNumber, inFlow: false);
        SkipSpaces(text, ref position);
        if (position != text.Length)
        {
            throw Error(lineNumber);
        }

        return value;
    }

    private static object? ParseFlowValue(string text, ref int position, int lineNumber, bool inFlow)
    {
        SkipSpaces(text, ref position);
        if (position >= text.Length)
        {
            return null;
        }

        switch (text[position])
        {
            case '[':
                {
                    position++;
                    var list = new List<object?>();
                    SkipSpaces(text, ref position);
                    while (position < text.Length && text[position] != ']')
                    {
                        list.Add(ParseFlowValue(text, ref position, lineNumber, inFlow: true));
                        SkipSpaces(text, ref position);
                        if (position < text.Length && text[position] == ',')
                        {
                            position++;
                            SkipSpaces(text, ref position);
                        }
                    }

                    Expect(text, ref position, ']', lineNumber);
                    return list;
                }

            case '{':
                {
                    position++;
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    SkipSpaces(text, ref position);
                    while (position < text.Length && text[position] != '}')
                    {
                        var key = ParseFlowValue(text, ref position, lineNumber, inFlow: true) as string ?? throw Error(lineNumber);
                        SkipSpaces(text, ref position);
                        Expect(text, ref position, ':', lineNumber);
                        map[key] = ParseFlowValue(text, ref position, lineNumber, inFlow: true);
                        SkipSpaces(text, ref position);
                        if (position < text.Length && text[position] == ',')
                        {
                            position++;
                            SkipSpaces(text, ref position);
                        }
                    }

                    Expect(text, ref position, '}', lineNumber);
                    return map;
                }

            case '"':
            case '\'':
                return ReadQuoted(text, ref position, lineNumber);

            default:
                {
                    var start = position;
                    while (position < text.Length && !(inFlow && (text[position] is ',' or ']' or '}' or ':')))
                    {
                        position++;
                    }

                    var plain = text.Substring(start, position - start).Trim();
                    return plain is "null" or "~" or "" ? null : plain;
                }
        }
    }

    private static string ReadQuoted(string text, ref int position, int lineNumber)
    {
        var quote = text[position++];
        var builder = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (quote == '\'' && c == '\'')
            {
                if (position < text.Length && text[position] == '\'')
                {
                    builder.Append('\'');
                    position++;
                    continue;
                }

                return builder.ToString();
            }

            if (quote == '"' && c == '"')
            {
                return builder.ToString();
            }

            if (quote == '"' && c == '\\' && position < text.Length)
            {
                var escaped = text[position++];
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case '0': builder.Append('\0'); break;
                    case 'u' when position + 4 <= text.Length:
                        builder.Append((char)int.Parse(text.AsSpan(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        position += 4;
                        break;
                    default: builder.Append(escaped); break;
                }

                continue;
            }

            builder.Append(c);
        }

        throw Error(lineNumber);
    }

    private static string Unquote(string key, int lineNumber)
    {
        if (key.Length > 0 && (key[0] == '"' || key[0] == '\''))
        {
            var position = 0;
            return ReadQuoted(key, ref position, lineNumber);
        }

        return key;
    }

    private static void Expect(string text, ref int position, char expected, int lineNumber)
    {
        if (position >= text.Length || text[position] != expected)
        {
            throw Error(lineNumber);
        }

        position++;
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && (text[position] == ' ' || text[position] == '\t'))
        {
            position++;
        }
    }

    private static bool IsSequenceItem(string content) => content == "-" || content.StartsWith("- ", StringComparison.Ordinal);

    /// <summary>Index of the ':' that ends a mapping key (followed by a space or the end), outside quotes.</summary>
    private static int FindKeySeparator(string content)
    {
        if (content.Length > 0 && (content[0] == '[' || content[0] == '{'))
        {
            return -1;
        }

        char quote = '\0';
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if ((c == '"' || c == '\'') && i == 0)
            {
                quote = c;
            }
            else if (c == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<Line> Split(string text)
    {
        var lines = new List<Line>();
        var raw = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i];
            if (line.Contains('\t', StringComparison.Ordinal) && line.TrimStart(' ').StartsWith('\t'))
            {
                throw Error(i + 1); // YAML forbids tabs for indentation
            }

            var content = StripComment(line).TrimEnd();
            var trimmed = content.TrimStart(' ');
            if (trimmed.Length == 0 || (lines.Count == 0 && trimmed == "---"))
            {
                continue;
            }

            if (trimmed == "---" || trimmed == "...")
            {
                break; // only the first document counts, as kubectl reads only one
            }

            lines.Add(new Line(i + 1, content.Length - trimmed.Length, trimmed, line));
        }

        return lines;
    }

    private static string StripComment(string line)
    {
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c == '"' || c == '\'')
            {
                // A quote opens a quoted scalar only at the start of a value; inside a plain scalar it is literal.
                var before = line.Substring(0, i).TrimEnd();
                if (before.Length == 0 || before.EndsWith(':') || before.EndsWith('-') || before.EndsWith('[') || before.EndsWith(',') || before.EndsWith('{'))
                {
                    quote = c;
                }
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
            {
                return line.Substring(0, i);
            }
        }

        return line;
    }

    private static FormatException Error(int lineNumber) =>
        new("unsupported or invalid YAML at line " + lineNumber.ToString(CultureInfo.InvariantCulture));

    private readonly record struct Line(int Number, int Indent, string Content, string Raw);
}
