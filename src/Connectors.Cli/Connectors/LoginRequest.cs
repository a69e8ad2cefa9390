namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>What <c>login</c> was asked to write.</summary>
internal sealed record LoginRequest(KubernetesConnectorSpec Spec, string? KubeconfigPath, string? ContextName, string? Namespace);

/// <summary>What <c>login</c> wrote.</summary>
internal sealed record LoginOutcome(string KubeconfigPath, string ContextName, string ClusterName, string UserName, string? Namespace);

/// <summary>What <c>logout</c> removed: how many of the three entries, and whether <c>current-context</c> was cleared.</summary>
internal sealed record LogoutOutcome(string KubeconfigPath, string ContextName, int EntriesRemoved, bool CurrentContextCleared);
