namespace Connectors.Kubernetes.Login;

/// <summary>What a login or logout did to the kubeconfig.</summary>
/// <param name="KubeconfigPath">The file that was written.</param>
/// <param name="ContextName">The name of the cluster, user and context entries.</param>
/// <param name="CurrentContextChanged">True when <c>current-context</c> was set (login) or cleared (logout).</param>
/// <param name="FileCreated">True when the file did not exist before (login).</param>
/// <param name="EntriesRemoved">For logout: how many of the three entries were found and removed.</param>
public sealed record KubeconfigLoginResult(
    string KubeconfigPath,
    string ContextName,
    bool CurrentContextChanged,
    bool FileCreated,
    int EntriesRemoved = 0);
