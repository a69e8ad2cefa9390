using System.Text;
using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>
/// A project file held as its exact text. Every edit is a splice of that text — one element is
/// inserted, replaced or removed — and returns a new <see cref="ProjectFile"/>; every byte outside
/// the edited element (comments, blank lines, attribute quoting, line endings, byte-order mark) stays
/// as it was. Indentation and the line ending of inserted text are copied from the file.
/// </summary>
internal sealed class ProjectFile
{
    private ProjectFile(string path, string text, Encoding encoding)
    {
        Path = path;
        Text = text;
        Encoding = encoding;
        Root = XmlSpanReader.Read(text, path);
        NewLine = DetectNewLine(text);
    }

    /// <summary>Full path of the project file.</summary>
    public string Path { get; }

    /// <summary>The file's text (without a byte-order mark).</summary>
    public string Text { get; }

    /// <summary>The encoding the file is written back with (a BOM is kept when it had one).</summary>
    public Encoding Encoding { get; }

    /// <summary>The file's line ending: "\r\n" when its first line break is one, else "\n".</summary>
    public string NewLine { get; }

    /// <summary>The root element (normally &lt;Project&gt;).</summary>
    public XmlElementSpan Root { get; }

    /// <summary>Reads a project file.</summary>
    public static ProjectFile Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(CliDiagnostics.ProjectNotFound, $"{path}: the project file cannot be read ({ex.Message}).", "Check the path given with --project.", ex);
        }

        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: hasBom);
        var text = encoding.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        return new ProjectFile(path, text, encoding);
    }

    /// <summary>Builds a project file from text (tests and in-memory edits).</summary>
    public static ProjectFile FromText(string path, string text, bool byteOrderMark = false) =>
        new(path, text, new UTF8Encoding(byteOrderMark));

    /// <summary>All elements named <paramref name="itemName"/> directly inside an ItemGroup.</summary>
    public IReadOnlyList<XmlElementSpan> Items(string itemName)
    {
        var result = new List<XmlElementSpan>();
        foreach (var group in Root.Children)
        {
            if (group.Name != "ItemGroup")
            {
                continue;
            }

            foreach (var item in group.Children)
            {
                if (item.Name == itemName && item.Attribute("Include") is not null)
                {
                    result.Add(item);
                }
            }
        }

        return result;
    }

    /// <summary>The item <paramref name="itemName"/> whose Include is <paramref name="include"/> (case-insensitive, as MSBuild compares), or null.</summary>
    public XmlElementSpan? FindItem(string itemName, string include) =>
        Items(itemName).FirstOrDefault(item => string.Equals(item.Attribute("Include"), include, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value of the first top-level property <paramref name="name"/>, or null.</summary>
    public string? Property(string name)
    {
        foreach (var group in Root.Children)
        {
            if (group.Name != "PropertyGroup")
            {
                continue;
            }

            foreach (var property in group.Children)
            {
                if (property.Name == name)
                {
                    return property.Text.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>Replaces one element's text with <paramref name="elementText"/>.</summary>
    public ProjectFile Replace(XmlElementSpan element, string elementText) =>
        With(Text[..element.Start] + elementText + Text[element.End..]);

    /// <summary>
    /// Adds an item after the last item of the same name, or in a new ItemGroup at the end of the
    /// project when there is none.
    /// </summary>
    public ProjectFile AddItem(string itemName, string elementText)
    {
        var siblings = Items(itemName);
        if (siblings.Count > 0)
        {
            var last = siblings[^1];
            return With(Text[..last.End] + NewLine + IndentOf(last) + elementText + Text[last.End..]);
        }

        var unit = IndentUnit();
        var block = unit + "<ItemGroup>" + NewLine + unit + unit + elementText + NewLine + unit + "</ItemGroup>" + NewLine;
        return InsertBeforeRootEnd(block);
    }

    /// <summary>Adds a property to the first unconditional PropertyGroup (or a new one).</summary>
    public ProjectFile AddProperty(string name, string value)
    {
        var element = "<" + name + ">" + System.Security.SecurityElement.Escape(value) + "</" + name + ">";
        var group = Root.Children.FirstOrDefault(child => child.Name == "PropertyGroup" && child.Attribute("Condition") is null);
        if (group is not null && group.Children.Count > 0)
        {
            var last = group.Children[^1];
            return With(Text[..last.End] + NewLine + IndentOf(last) + element + Text[last.End..]);
        }

        var unit = IndentUnit();
        var block = unit + "<PropertyGroup>" + NewLine + unit + unit + element + NewLine + unit + "</PropertyGroup>" + NewLine;
        return InsertBeforeRootEnd(block);
    }

    /// <summary>
    /// Removes one element together with the whitespace of its line; when that leaves its ItemGroup
    /// with nothing but whitespace, the ItemGroup goes too — so an add followed by a remove gives back
    /// the original bytes.
    /// </summary>
    public ProjectFile Remove(XmlElementSpan element)
    {
        var parentStart = element.Parent?.Start;
        var edited = With(RemoveSpan(Text, element.Start, element.End));
        if (parentStart is null || element.Parent!.Name != "ItemGroup")
        {
            return edited;
        }

        var group = edited.Root.Children.FirstOrDefault(child => child.Start == parentStart);
        if (group is null || group.Children.Count > 0 || group.Attributes.Count > 0
            || !string.IsNullOrWhiteSpace(edited.Text[group.StartTagEnd..group.End][..^"</ItemGroup>".Length]))
        {
            return edited;
        }

        return edited.With(RemoveSpan(edited.Text, group.Start, group.End));
    }

    /// <summary>Writes the file back: to a temporary file beside it, then renamed over it.</summary>
    public void Save()
    {
        var temporary = Path + ".connector-" + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, [.. Encoding.GetPreamble(), .. Encoding.GetBytes(Text)]);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(Path));
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new CliException(CliDiagnostics.FileWriteFailed, $"{Path}: the project file cannot be written ({ex.Message}).", "Check that the file is writable and not locked by another program.", ex);
        }
    }

    private ProjectFile With(string text) => new(Path, text, Encoding);

    private ProjectFile InsertBeforeRootEnd(string block)
    {
        // A root written as <Project Sdk="..." /> has no end tag to insert before: open it up
        // (found by the reliability fuzzer, which registered into such a component project: KC5121).
        var closing = Text.LastIndexOf("</", Root.End - 1, StringComparison.Ordinal);
        if (closing < Root.Start)
        {
            var head = Text[..Text.LastIndexOf('/', Root.End - 1)].TrimEnd();
            return With(head + ">" + NewLine + block + "</" + Root.Name + ">" + Text[Root.End..]);
        }

        var lineStart = LineStart(Text, closing);
        if (string.IsNullOrWhiteSpace(Text[lineStart..closing]))
        {
            return With(Text[..lineStart] + block + Text[lineStart..]);
        }

        return With(Text[..closing] + NewLine + block + Text[closing..]);
    }

    /// <summary>The whitespace that precedes <paramref name="element"/> on its line.</summary>
    private string IndentOf(XmlElementSpan element)
    {
        var lineStart = LineStart(Text, element.Start);
        var prefix = Text[lineStart..element.Start];
        return string.IsNullOrWhiteSpace(prefix) ? prefix : string.Empty;
    }

    /// <summary>The indentation of the root's first child (two spaces when the file gives no hint).</summary>
    private string IndentUnit()
    {
        foreach (var child in Root.Children)
        {
            var indent = IndentOf(child);
            if (indent.Length > 0)
            {
                return indent;
            }
        }

        return "  ";
    }

    private static string RemoveSpan(string text, int start, int end)
    {
        var lineStart = LineStart(text, start);
        var lineEnd = end;
        while (lineEnd < text.Length && text[lineEnd] is ' ' or '\t')
        {
            lineEnd++;
        }

        var ownsLine = string.IsNullOrWhiteSpace(text[lineStart..start])
            && (lineEnd == text.Length || text[lineEnd] is '\r' or '\n');
        if (!ownsLine)
        {
            return text[..start] + text[end..];
        }

        if (lineEnd < text.Length && text[lineEnd] == '\r')
        {
            lineEnd++;
        }

        if (lineEnd < text.Length && text[lineEnd] == '\n')
        {
            lineEnd++;
        }

        return text[..lineStart] + text[lineEnd..];
    }

    private static int LineStart(string text, int offset)
    {
        var index = offset;
        while (index > 0 && text[index - 1] is not '\n' and not '\r')
        {
            index--;
        }

        return index;
    }

    private static string DetectNewLine(string text)
    {
        var index = text.IndexOf('\n', StringComparison.Ordinal);
        return index > 0 && text[index - 1] == '\r' ? "\r\n" : "\n";
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
