using System.Xml;
using System.Xml.Linq;

namespace Connectors.Kubernetes.Build.Locations;

/// <summary>
/// Finds where an item is written in a project file. MSBuild hands tasks evaluated items without
/// positions, so the task reads the XML of the file that defined the item (its
/// <c>DefiningProjectFullPath</c>) once, with line information, and looks the element up by type and
/// <c>Include</c>. Anything it cannot find (an item produced by a wildcard or a property) falls back
/// to the file alone, which is still a correct, clickable location.
/// </summary>
internal sealed class ProjectXmlLocator
{
    private readonly Dictionary<string, XDocument?> _documents = new(StringComparer.Ordinal);

    /// <summary>
    /// The location of the <paramref name="occurrence"/>-th (0-based) <paramref name="itemType"/> element of
    /// <paramref name="file"/> whose <c>Include</c> lists <paramref name="include"/>, pointing at
    /// <paramref name="metadataName"/> (attribute or child element) when the element has it.
    /// </summary>
    public SourceLocation Locate(string file, string itemType, string include, int occurrence = 0, string? metadataName = null)
    {
        var element = FindElement(file, itemType, include, occurrence);
        if (element is null)
        {
            return SourceLocation.FileOnly(file);
        }

        if (metadataName is not null)
        {
            var attribute = element.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, metadataName, StringComparison.OrdinalIgnoreCase));
            if (attribute is not null)
            {
                return At(file, attribute, 0);
            }

            var child = element.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, metadataName, StringComparison.OrdinalIgnoreCase));
            if (child is not null)
            {
                return At(file, child, -1);
            }
        }

        // The element's own position names the tag; step back one column to point at '<'.
        return At(file, element, -1);
    }

    /// <summary>
    /// Finds a <paramref name="itemType"/> element whose <c>Include</c>, resolved against the folder of
    /// <paramref name="file"/>, is the path <paramref name="fullPath"/> (used for <c>ProjectReference</c>).
    /// </summary>
    public SourceLocation LocateByPath(string file, string itemType, string fullPath)
    {
        var document = Load(file);
        var directory = Path.GetDirectoryName(file) ?? string.Empty;
        var target = Normalize(fullPath);
        var element = document?.Descendants()
            .Where(e => e.Name.LocalName == itemType)
            .FirstOrDefault(e => Includes(e).Any(include => Normalize(Path.Combine(directory, include)) == target));
        return element is null ? SourceLocation.FileOnly(file) : At(file, element, -1);
    }

    private XElement? FindElement(string file, string itemType, string include, int occurrence)
    {
        var document = Load(file);
        if (document is null)
        {
            return null;
        }

        return document.Descendants()
            .Where(e => e.Name.LocalName == itemType && Includes(e).Contains(include, StringComparer.Ordinal))
            .Skip(occurrence)
            .FirstOrDefault();
    }

    private static IEnumerable<string> Includes(XElement element)
    {
        var include = element.Attribute("Include")?.Value;
        return include is null
            ? []
            : include.Split(';').Select(part => part.Trim()).Where(part => part.Length > 0);
    }

    private XDocument? Load(string file)
    {
        if (!_documents.TryGetValue(file, out var document))
        {
            try
            {
                document = XDocument.Load(file, LoadOptions.SetLineInfo);
            }
            catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException)
            {
                // The file built, so this is rare (deleted mid-build); the location degrades to the file.
                document = null;
            }

            _documents[file] = document;
        }

        return document;
    }

    private static SourceLocation At(string file, IXmlLineInfo info, int columnOffset) =>
        info.HasLineInfo()
            ? new SourceLocation(file, info.LineNumber, Math.Max(1, info.LinePosition + columnOffset))
            : SourceLocation.FileOnly(file);

    private static string Normalize(string path)
    {
        var full = Path.GetFullPath(path.Replace('\\', Path.DirectorySeparatorChar));
        return OperatingSystem.IsWindows() ? full.ToUpperInvariant() : full;
    }
}
