using Connectors.Kubernetes.Items;
namespace Connectors.Kubernetes.Build.Items;

/// <summary>
/// A <c>KubernetesConnector</c> item as the task sees it: its name, its non-empty custom metadata and
/// the file that defined it. A plain value so checks can be tested without MSBuild.
/// </summary>
internal sealed class ConnectorItem
{
    /// <summary>Creates an item.</summary>
    public ConnectorItem(string name, IReadOnlyDictionary<string, string> metadata, string definingFile)
    {
        Name = name;
        Metadata = metadata;
        DefiningFile = definingFile;
    }

    /// <summary>The connector name (the item's <c>Include</c>).</summary>
    public string Name { get; }

    /// <summary>Custom metadata with a non-empty value, case-insensitive names.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Full path of the project or imported file that declared the item.</summary>
    public string DefiningFile { get; }

    /// <summary>Which occurrence (0-based) of this name this item is within <see cref="DefiningFile"/>.</summary>
    public int Occurrence { get; init; }

    /// <summary>The trimmed value of <paramref name="metadataName"/>, or <see langword="null"/> when unset.</summary>
    public string? Get(string metadataName) =>
        Metadata.TryGetValue(metadataName, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary>Whether <paramref name="metadataName"/> is set to <c>true</c> (case-insensitive).</summary>
    public bool IsTrue(string metadataName) => string.Equals(Get(metadataName), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the connector lifts its credentials from a kubeconfig.</summary>
    public bool IsAutoConfigure => IsTrue(ConnectorItemContract.AutoConfigure);
}
