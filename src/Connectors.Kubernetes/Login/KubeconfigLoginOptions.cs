namespace Connectors.Kubernetes.Login;

/// <summary>How <see cref="KubeconfigLogin"/> writes a connector into the local kubeconfig.</summary>
public sealed class KubeconfigLoginOptions
{
    /// <summary>The kubeconfig to write (kubectl's <c>--kubeconfig</c>). Default: the first file of <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>The name of the cluster, user and context entries. Default: the connector's cluster name (as ZenML names them).</summary>
    public string? ContextName { get; set; }

    /// <summary>Make the written context kubectl's current context. Default: true.</summary>
    public bool SetCurrentContext { get; set; } = true;

    /// <summary>The context's namespace. Default: the connector's namespace, if any.</summary>
    public string? Namespace { get; set; }

    /// <summary>How long to wait for another writer's <c>.lock</c> file to go away before refusing. Default: 10 seconds.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(10);
}
