namespace Connectors.Kubernetes.Hosting;

/// <summary>An Aspire parameter a connector needs in the app host.</summary>
/// <param name="Name">The parameter name, e.g. <c>kube-prod-token</c>.</param>
/// <param name="Secret">Whether the parameter is secret (created with <c>secret: true</c>).</param>
public sealed record KubernetesConnectorParameter(string Name, bool Secret);
