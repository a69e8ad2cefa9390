namespace Connectors.Kubernetes.Verification;

/// <summary>Who the API server says the connector's credentials are.</summary>
/// <param name="Username">The user name (for a service account: <c>system:serviceaccount:ns:name</c>).</param>
/// <param name="Groups">The groups the user belongs to.</param>
/// <param name="Uid">The user's UID when the server reports one.</param>
public sealed record KubernetesIdentity(string Username, IReadOnlyList<string> Groups, string? Uid);
