namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>
/// Where one element sits in a project file's text, with what it declares. Offsets are character
/// offsets into the original text: <see cref="Start"/> is the '&lt;', <see cref="End"/> one past the
/// final '&gt;' (of the end tag, or of the start tag for an empty element).
/// </summary>
internal sealed class XmlElementSpan
{
    public XmlElementSpan(string name, int start, int depth, XmlElementSpan? parent)
    {
        Name = name;
        Start = start;
        Depth = depth;
        Parent = parent;
    }

    /// <summary>The element's local name.</summary>
    public string Name { get; }

    /// <summary>Offset of the '&lt;' that opens the element.</summary>
    public int Start { get; }

    /// <summary>Offset one past the element's last character.</summary>
    public int End { get; set; }

    /// <summary>Offset one past the start tag's '&gt;'.</summary>
    public int StartTagEnd { get; set; }

    /// <summary>Nesting depth; the root element is 0.</summary>
    public int Depth { get; }

    /// <summary>The enclosing element, or <see langword="null"/> for the root.</summary>
    public XmlElementSpan? Parent { get; }

    /// <summary>Attributes in document order, values decoded.</summary>
    public List<KeyValuePair<string, string>> Attributes { get; } = [];

    /// <summary>Child elements in document order.</summary>
    public List<XmlElementSpan> Children { get; } = [];

    /// <summary>The element's own text content (for properties and child-element metadata).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>An attribute's value (names compared as MSBuild does, ignoring case), or <see langword="null"/>.</summary>
    public string? Attribute(string name)
    {
        foreach (var (key, value) in Attributes)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
