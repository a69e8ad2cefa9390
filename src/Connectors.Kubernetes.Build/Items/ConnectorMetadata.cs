namespace Connectors.Kubernetes.Build.Items;

/// <summary>
/// What the build adds to the shared project item contract (<see cref="Connectors.Kubernetes.Items.ConnectorItemContract"/>):
/// the names that must never appear on a connector item because they would put a secret into the project file.
/// </summary>
internal static class ConnectorMetadata
{
    /// <summary>
    /// Metadata names that carry a secret, or data that the contract takes as a path. They are handed to
    /// the shared validator, which rejects inline secrets (KC2017) without repeating the value.
    /// </summary>
    public static readonly IReadOnlyCollection<string> Secret = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Token", "Username", "Password", "ClientKeyData", "ClientCertificateData",
    };
}
