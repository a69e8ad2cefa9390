using Connectors.Kubernetes.Items;

namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>
/// What the CLI adds to the shared project item contract (<see cref="ConnectorItemContract"/>): the
/// <c>Include</c> attribute and canonical spelling of a metadata name typed by a user. The CLI writes
/// metadata in <see cref="ConnectorItemContract.Ordered"/> order; an item written by hand keeps its own.
/// </summary>
internal static class ItemMetadata
{
    public const string Include = "Include";

    /// <summary>Returns the canonical spelling of a metadata name, or null when it is not one.</summary>
    public static string? Canonical(string name) =>
        ConnectorItemContract.Ordered.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
}
