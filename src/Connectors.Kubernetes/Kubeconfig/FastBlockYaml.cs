using YamlDotNet.Core;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// A fast reader for the block-style YAML that kubectl and most tools write: block mappings and
/// sequences, single-line plain and quoted scalars, comments, and the empty <c>{}</c> and <c>[]</c>.
/// Anything else — flow collections with content, anchors, tags, block scalars, multi-line scalars,
/// escapes, tabs, document markers — makes it give up, and the full YAML parser reads the text instead.
/// It exists because a large kubeconfig is mostly long base64 scalars, which a general scanner reads
/// one character at a time.
/// </summary>
internal static class FastBlockYaml
{
    /// <summary>Parses <paramref name="text"/>; returns false (and the caller falls back) when it holds anything unsupported.</summary>
    public static bool TryParse(string text, out YamlTreeNode? root)
    {
        root = null;
        if (text.Length != 0 && text[0] == '\uFEFF')
        {
            return false;
        }

        var lines = new List<Line>();
        var lineNumber = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            lineNumber++;
            var raw = text.AsSpan(start, end - start);
            if (raw.Length != 0 && raw[^1] == '\r')
            {
                raw = raw[..^1];
            }

            if (raw.IndexOfAny('\t', '\r') >= 0)
            {
                return false;
            }

            var indent = raw.IndexOfAnyExcept(' ');
            if (indent >= 0 && raw[indent] != '#')
            {
                if (indent == 0 && (raw.StartsWith("---") || raw.StartsWith("...") || raw[0] == '%'))
                {
                    return false;
                }

                lines.Add(new Line(lineNumber, indent, start + indent, end - start - indent - (end > start && text[end - 1] == '\r' ? 1 : 0)));
            }

            start = end + 1;
        }

        if (lines.Count == 0)
        {
            return true;
        }

        try
        {
            var reader = new Reader(text, lines);
            root = reader.Block(lines[0].Indent);
            if (reader.Position != lines.Count)
            {
                root = null;
                return false;
            }

            return true;
        }
        catch (UnsupportedException)
        {
            root = null;
            return false;
        }
    }

    private struct Line(int number, int indent, int start, int length)
    {
        public int Number = number;
        public int Indent = indent;
        public int Start = start;
        public int Length = length;
    }

    private sealed class UnsupportedException : Exception
    {
    }

    private sealed class Reader(string text, List<Line> lines)
    {
        private static readonly UnsupportedException Unsupported = new();

        public int Position { get; private set; }

        private ReadOnlySpan<char> Content(int index) => text.AsSpan(lines[index].Start, lines[index].Length);

        private static bool IsItem(ReadOnlySpan<char> content) => content.Length != 0 && content[0] == '-' && (content.Length == 1 || content[1] == ' ');

        public YamlTreeNode Block(int indent) => IsItem(Content(Position)) ? Sequence(indent) : Mapping(indent);

        private YamlTreeSequence Sequence(int indent)
        {
            var sequence = new YamlTreeSequence(Mark(Position, 0));
            while (Position < lines.Count && lines[Position].Indent == indent && IsItem(Content(Position)))
            {
                var content = Content(Position);
                var spaces = content.Length == 1 ? 0 : content[1..].IndexOfAnyExcept(' ');
                if (spaces < 0 || content.Length == 1)
                {
                    Position++;
                    sequence.Children.Add(Position < lines.Count && lines[Position].Indent > indent ? Block(lines[Position].Indent) : Null(Position - 1, 1));
                    continue;
                }

                var offset = 1 + spaces;
                var rest = content[offset..];
                if (IsItem(rest))
                {
                    throw Unsupported;
                }

                if (KeyLength(rest) > 0)
                {
                    // "- key: value": a mapping whose keys sit at the column of "key".
                    var line = lines[Position];
                    line.Indent += offset;
                    line.Start += offset;
                    line.Length -= offset;
                    lines[Position] = line;
                    sequence.Children.Add(Mapping(line.Indent));
                    continue;
                }

                sequence.Children.Add(Scalar(rest, Position, indent + offset));
                Position++;
                if (Position < lines.Count && lines[Position].Indent > indent)
                {
                    throw Unsupported; // a multi-line scalar
                }
            }

            if (Position < lines.Count && lines[Position].Indent > indent)
            {
                throw Unsupported;
            }

            return sequence;
        }

        private YamlTreeMapping Mapping(int indent)
        {
            var mapping = new YamlTreeMapping(Mark(Position, 0));
            while (Position < lines.Count && lines[Position].Indent == indent && !IsItem(Content(Position)))
            {
                var content = Content(Position);
                var keyLength = KeyLength(content);
                if (keyLength <= 0)
                {
                    throw Unsupported;
                }

                var key = new YamlTreeScalar(Mark(Position, 0), content[..keyLength].ToString(), ScalarStyle.Plain, TagName.Empty);
                var rest = content[(keyLength + 1)..];
                var skip = rest.IndexOfAnyExcept(' ');
                var valueLine = Position;
                Position++;
                YamlTreeNode value;
                if (skip < 0 || rest[skip] == '#')
                {
                    value = Position < lines.Count && lines[Position].Indent > indent ? Block(lines[Position].Indent)
                        : Position < lines.Count && lines[Position].Indent == indent && IsItem(Content(Position)) ? Sequence(indent)
                        : Null(valueLine, keyLength + 1);
                }
                else
                {
                    value = Scalar(rest[skip..], valueLine, indent + keyLength + 1 + skip);
                    if (Position < lines.Count && lines[Position].Indent > indent)
                    {
                        throw Unsupported; // a multi-line scalar or a stray indentation
                    }
                }

                mapping.Children.Add(new KeyValuePair<YamlTreeNode, YamlTreeNode>(key, value));
            }

            if (Position < lines.Count && lines[Position].Indent > indent)
            {
                throw Unsupported;
            }

            return mapping;
        }

        /// <summary>The length of a simple key followed by ':' and a space or the end of the line; 0 when there is none.</summary>
        private static int KeyLength(ReadOnlySpan<char> content)
        {
            var i = 0;
            while (i < content.Length && (char.IsAsciiLetterOrDigit(content[i]) || content[i] is '-' or '_' or '.' or '/'))
            {
                i++;
            }

            if (i == 0 || i >= content.Length || content[i] != ':' || (i + 1 < content.Length && content[i + 1] != ' '))
            {
                return 0;
            }

            return content[0] is '-' or '.' ? 0 : i;
        }

        private YamlTreeNode Scalar(ReadOnlySpan<char> value, int line, int column)
        {
            var mark = Mark(line, column);
            switch (value[0])
            {
                case '"':
                case '\'':
                {
                    var quote = value[0];
                    var builder = new System.Text.StringBuilder();
                    var i = 1;
                    while (true)
                    {
                        if (i >= value.Length || (quote == '"' && value[i] == '\\'))
                        {
                            throw Unsupported; // multi-line or escaped
                        }

                        if (value[i] == quote)
                        {
                            if (quote == '\'' && i + 1 < value.Length && value[i + 1] == '\'')
                            {
                                builder.Append('\'');
                                i += 2;
                                continue;
                            }

                            break;
                        }

                        builder.Append(value[i++]);
                    }

                    var after = value[(i + 1)..];
                    if (after.Length != 0 && (after[0] != ' ' || (after.TrimStart(' ') is { Length: > 0 } comment && comment[0] != '#')))
                    {
                        throw Unsupported;
                    }

                    return new YamlTreeScalar(mark, builder.ToString(), quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, TagName.Empty);
                }

                case '{':
                case '[':
                {
                    var rest = value.TrimEnd(' ');
                    var hash = rest.IndexOf(" #", StringComparison.Ordinal);
                    if (hash >= 0)
                    {
                        rest = rest[..hash].TrimEnd(' ');
                    }

                    if (rest.SequenceEqual("{}"))
                    {
                        return new YamlTreeMapping(mark);
                    }

                    if (rest.SequenceEqual("[]"))
                    {
                        return new YamlTreeSequence(mark);
                    }

                    throw Unsupported;
                }

                case '}' or ']' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`':
                    throw Unsupported;
                case '-' or '?' or ':' when value.Length == 1 || value[1] == ' ':
                    throw Unsupported;
            }

            var end = value.IndexOf(" #", StringComparison.Ordinal);
            var plain = (end >= 0 ? value[..end] : value).TrimEnd(' ');
            if (plain.IndexOf(": ", StringComparison.Ordinal) >= 0 || plain[^1] == ':')
            {
                throw Unsupported;
            }

            return new YamlTreeScalar(mark, plain.ToString(), ScalarStyle.Plain, TagName.Empty);
        }

        private YamlTreeScalar Null(int line, int column) => new(Mark(line, column), string.Empty, ScalarStyle.Plain, TagName.Empty);

        private YamlTreeMark Mark(int index, int column) => new(lines[index].Number, lines[index].Indent + column + 1);
    }
}
