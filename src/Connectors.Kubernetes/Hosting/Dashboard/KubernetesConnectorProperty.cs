namespace Connectors.Kubernetes.Hosting;

/// <summary>One property the dashboard shows for a connector resource.</summary>
/// <param name="Name">The property name, e.g. <c>kubernetes.server</c>.</param>
/// <param name="Value">The value; for a sensitive property it is a secret the dashboard masks until revealed.</param>
/// <param name="IsSensitive">Whether the dashboard masks the value.</param>
public sealed record KubernetesConnectorProperty(string Name, string Value, bool IsSensitive)
{
    /// <inheritdoc />
    public override string ToString() => Name + " = " + (IsSensitive ? SecretValue.Mask : Value);
}
