namespace Connectors.Kubernetes;

/// <summary>Where one connector field came from, e.g. a kubeconfig file and entry.</summary>
/// <param name="Origin">The kind of source.</param>
/// <param name="Detail">A human-readable location (a file path and entry, a configuration path); never a value.</param>
public sealed record KubernetesValueSource(KubernetesValueOrigin Origin, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => Detail.Length == 0 ? Origin.ToString() : Origin + " (" + Detail + ")";
}
