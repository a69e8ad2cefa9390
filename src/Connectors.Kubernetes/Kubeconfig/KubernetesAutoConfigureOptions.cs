namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>Options of <see cref="KubernetesAutoConfigure"/>.</summary>
public sealed class KubernetesAutoConfigureOptions
{
    /// <summary>The context to lift; the current context when null.</summary>
    public string? Context { get; set; }

    /// <summary>An explicit kubeconfig file (must exist); the <c>KUBECONFIG</c> list or <c>~/.kube/config</c> when null.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>An already loaded kubeconfig set; takes precedence over <see cref="Kubeconfig"/>.</summary>
    public KubeconfigSet? KubeconfigSet { get; set; }

    /// <summary>The cluster name; by default the server host without scheme and port.</summary>
    public string? ClusterName { get; set; }

    /// <summary>Run an exec plugin to capture its current credentials and expiry (default true). When false, the spec keeps only <see cref="KubernetesConnectorSpec.Exec"/>.</summary>
    public bool RunExecPlugins { get; set; } = true;

    /// <summary>The exec plugin time limit.</summary>
    public TimeSpan ExecTimeout { get; set; } = ExecCredentialPlugin.DefaultTimeout;

    /// <summary>Validate the resulting spec and throw on errors (default true).</summary>
    public bool Validate { get; set; } = true;

    /// <summary>The clock used for expiry checks; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
