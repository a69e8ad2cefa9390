namespace Connectors.Kubernetes;

/// <summary>An auth method of the connector type with its fields.</summary>
/// <param name="Method">The method.</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">When to use it.</param>
/// <param name="Fields">Its fields, the cluster fields first.</param>
public sealed record KubernetesAuthMethodDescriptor(KubernetesAuthMethod Method, string Title, string Description, IReadOnlyList<KubernetesConnectorFieldDescriptor> Fields)
{
    /// <summary>The wire name: <c>token</c> or <c>password</c>.</summary>
    public string Name => Method.ToWireName();
}
