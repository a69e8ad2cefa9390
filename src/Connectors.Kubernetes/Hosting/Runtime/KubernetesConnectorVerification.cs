namespace Connectors.Kubernetes.Hosting;

/// <summary>The outcome of verifying a connector's access to its cluster.</summary>
/// <param name="Succeeded">Whether the cluster accepted the credentials.</param>
/// <param name="Identity">Who the cluster says the connector is (user or service account), when it succeeded.</param>
/// <param name="Code">The failure's <c>KCxxxx</c> code.</param>
/// <param name="Message">The failure's message (never a secret).</param>
public sealed record KubernetesConnectorVerification(bool Succeeded, string? Identity = null, string? Code = null, string? Message = null);
