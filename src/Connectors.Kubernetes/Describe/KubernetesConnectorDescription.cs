namespace Connectors.Kubernetes.Describe;

/// <summary>
/// What <c>describe</c> shows about a connector: identity-free properties (name, type, auth method,
/// resource type and name, expiry, labels) and the configuration, secrets masked unless requested.
/// Render it with <see cref="TextTable"/> or bind it to any UI.
/// </summary>
/// <param name="Title">A one-line title.</param>
/// <param name="Properties">The property rows.</param>
/// <param name="Configuration">The configuration rows, only for fields that are set.</param>
public sealed record KubernetesConnectorDescription(string Title, IReadOnlyList<DescribeRow> Properties, IReadOnlyList<DescribeRow> Configuration)
{
    /// <summary>Renders the title, the property table and the configuration table as plain text.</summary>
    public string ToText() =>
        Title + "\n" +
        TextTable.Render(["PROPERTY", "VALUE"], Properties.Select(r => (IReadOnlyList<string>)[r.Name, r.Value]).ToList()) +
        "Configuration\n" +
        TextTable.Render(["PROPERTY", "VALUE"], Configuration.Select(r => (IReadOnlyList<string>)[r.Name, r.Value]).ToList());

    /// <inheritdoc />
    public override string ToString() => ToText();
}
