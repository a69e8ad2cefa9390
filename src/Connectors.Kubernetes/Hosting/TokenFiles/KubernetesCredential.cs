namespace Connectors.Kubernetes.Hosting;

/// <summary>A bearer token and when it expires.</summary>
/// <param name="Token">The token.</param>
/// <param name="ExpiresAt">Its expiry, when known.</param>
public sealed record KubernetesCredential(SecretValue Token, DateTimeOffset? ExpiresAt);
