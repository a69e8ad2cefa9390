namespace Connectors.Kubernetes.Describe;

/// <summary>One row of a describe table.</summary>
/// <param name="Name">The property name (e.g. <c>AUTH METHOD</c> or <c>cluster_name</c>).</param>
/// <param name="Value">The value as shown; <c>[HIDDEN]</c> for a secret unless secrets were requested.</param>
/// <param name="IsSecret">Whether the row holds a secret.</param>
/// <param name="Source">Where the value came from, when known.</param>
public sealed record DescribeRow(string Name, string Value, bool IsSecret = false, KubernetesValueSource? Source = null);
