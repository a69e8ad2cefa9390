namespace Connectors.Kubernetes;

/// <summary>One field of an auth method, as <c>describe-type</c> shows it.</summary>
/// <param name="Name">The key (see <see cref="KubernetesConnectorKeys"/>).</param>
/// <param name="Type">The value type: <c>url</c>, <c>string</c>, <c>bool</c>, <c>pem</c>, <c>path</c> or <c>datetime</c>.</param>
/// <param name="IsSecret">Whether the value is a secret (held as a parameter, shown as <c>[HIDDEN]</c>).</param>
/// <param name="IsRequired">Whether the auth method needs it.</param>
/// <param name="Description">What the field is for.</param>
/// <param name="ParameterSuffix">For secret-bearing fields, the suffix of the Aspire parameter <c>{name}-{suffix}</c>; otherwise null.</param>
public sealed record KubernetesConnectorFieldDescriptor(string Name, string Type, bool IsSecret, bool IsRequired, string Description, string? ParameterSuffix = null);
