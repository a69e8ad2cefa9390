using System.Xml;
using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>
/// Reads a project file's elements together with their exact character spans, so that an edit can
/// replace one element's text and leave every other byte of the file — whitespace, comments, quoting,
/// line endings, encoding — exactly as it was. (A DOM round trip would normalise some of those.)
/// </summary>
internal static class XmlSpanReader
{
    /// <summary>Parses <paramref name="text"/> and returns its root element with every descendant.</summary>
    /// <exception cref="CliException">KC5104 when the text is not well-formed XML.</exception>
    public static XmlElementSpan Read(string text, string pathForMessages)
    {
        var lines = LineStarts(text);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        XmlElementSpan? root = null;
        XmlElementSpan? current = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                    {
                        var nameOffset = Offset(lines, info.LineNumber, info.LinePosition);
                        var element = new XmlElementSpan(reader.LocalName, nameOffset - 1, reader.Depth, current);
                        var empty = reader.IsEmptyElement;
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                element.Attributes.Add(new(reader.LocalName, reader.Value));
                            }
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }

                        element.StartTagEnd = TagEnd(text, nameOffset);
                        current?.Children.Add(element);
                        root ??= element;
                        if (empty)
                        {
                            element.End = element.StartTagEnd;
                        }
                        else
                        {
                            current = element;
                        }

                        break;
                    }

                    case XmlNodeType.EndElement when current is not null:
                        current.End = TagEnd(text, Offset(lines, info.LineNumber, info.LinePosition));
                        current = current.Parent;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when current is not null:
                        current.Text += reader.Value;
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new CliException(
                CliDiagnostics.ProjectUnreadable,
                $"{pathForMessages}({ex.LineNumber},{ex.LinePosition}): the project file is not well-formed XML: {ex.Message}",
                "Fix the project file (dotnet build shows the same error), then run the command again.",
                ex);
        }

        return root ?? throw new CliException(
            CliDiagnostics.ProjectUnreadable,
            $"{pathForMessages}: the project file has no root element.",
            "A project file starts with <Project>.");
    }

    /// <summary>Offset one past the '&gt;' that closes the tag whose name starts at <paramref name="from"/>.</summary>
    private static int TagEnd(string text, int from)
    {
        var quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    /// <summary>Start offsets of every line, counting line breaks the way the XML reader does.</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int Offset(List<int> lineStarts, int line, int position) => lineStarts[line - 1] + position - 1;
}
