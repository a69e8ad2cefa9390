using Connectors.Kubernetes.Items;
namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>One <c>&lt;KubernetesConnector&gt;</c> declaration as the project file states it.</summary>
internal sealed class ConnectorItem
{
    public ConnectorItem(XmlElementSpan element)
    {
        Element = element;
        Name = element.Attribute(ItemMetadata.Include) ?? string.Empty;
        var metadata = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in element.Attributes)
        {
            if (!string.Equals(key, ItemMetadata.Include, StringComparison.OrdinalIgnoreCase))
            {
                metadata.Add(new(key, value));
            }
        }

        // Metadata written as child elements (<Server>…</Server>) counts the same as attributes.
        foreach (var child in element.Children)
        {
            metadata.Add(new(child.Name, child.Text.Trim()));
        }

        Metadata = metadata;
    }

    /// <summary>The connector name (the item's Include).</summary>
    public string Name { get; }

    /// <summary>Metadata in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }

    /// <summary>Where the item sits in the project file.</summary>
    public XmlElementSpan Element { get; }

    /// <summary>A metadata value (names ignore case, as in MSBuild), or null when absent or empty.</summary>
    public string? Get(string name)
    {
        foreach (var (key, value) in Metadata)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    /// <summary>The item's labels (<c>Labels="team=ml;env=prod"</c>).</summary>
    public IReadOnlyDictionary<string, string> Labels => LabelSet.Parse(Get(ConnectorItemContract.Labels));

    /// <summary>Whether the item lifts its credentials from a kubeconfig when the app host starts.</summary>
    public bool IsAutoConfigure => string.Equals(Get(ConnectorItemContract.AutoConfigure), "true", StringComparison.OrdinalIgnoreCase);
}
