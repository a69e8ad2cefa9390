using System.Text;

namespace Connectors.Kubernetes.Generators.Common;

/// <summary>
/// A minimal indented text writer for emitted C#: four spaces per level, '\n' line ends on every
/// platform so generated files (and their golden copies) are byte-identical everywhere.
/// </summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Writes one line at the current depth; an empty line carries no indentation.</summary>
    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _text.Append(' ', _depth * 4);
            _text.Append(text);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> then an opening brace, and indents one level.</summary>
    public IndentedWriter Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return this;
    }

    /// <summary>Outdents one level and writes the closing brace.</summary>
    public IndentedWriter Close()
    {
        _depth--;
        Line("}");
        return this;
    }

    /// <summary>Writes a <c>/// &lt;summary&gt;</c> block whose text is XML-escaped here.</summary>
    public IndentedWriter Summary(string text)
    {
        Line("/// <summary>");
        Line("/// " + text);
        Line("/// </summary>");
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();
}
