namespace Connectors.Kubernetes.Testing;

/// <summary>Settings for <see cref="LoopbackKubernetesServer.StartAsync(LoopbackKubernetesServerOptions?, CancellationToken)"/>.</summary>
public sealed class LoopbackKubernetesServerOptions
{
    /// <summary>
    /// An extra DNS name for the serving certificate (besides <c>localhost</c>, <c>127.0.0.1</c> and <c>::1</c>),
    /// such as <c>kube-prod.example.test</c>; kubeconfigs can then name it as <c>tls-server-name</c>.
    /// The server is never reachable under that name: it only listens on 127.0.0.1.
    /// </summary>
    public string? ServerName { get; set; }

    /// <summary>The cluster name used in emitted kubeconfigs. Default <c>loopback</c>.</summary>
    public string ClusterName { get; set; } = "loopback";

    /// <summary>The user name of the built-in admin identity. Default <c>loopback-admin</c>.</summary>
    public string AdminUserName { get; set; } = "loopback-admin";

    /// <summary>
    /// Lets requests without credentials reach <c>/version</c>, <c>/healthz</c>, <c>/livez</c>, <c>/readyz</c>,
    /// discovery and OpenAPI, as most clusters allow. Off by default: every request must authenticate (401 otherwise).
    /// </summary>
    public bool AllowAnonymousDiscovery { get; set; }

    /// <summary>The version <c>/version</c> reports, <c>v{major}.{minor}.{patch}</c>. Default <c>v1.32.0</c>.</summary>
    public string KubernetesVersion { get; set; } = "v1.32.0";

    /// <summary>How long a simulated Job's pod runs before it ends. Default 500 ms. A Job can override it with the annotation <c>loopback.connectors.test/duration</c>.</summary>
    public TimeSpan JobDuration { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How simulated Jobs end. Default <see cref="LoopbackJobOutcome.Complete"/>. A Job can override it with the annotation <c>loopback.connectors.test/outcome</c>.</summary>
    public LoopbackJobOutcome JobOutcome { get; set; } = LoopbackJobOutcome.Complete;

    /// <summary>How long after a Deployment change its replicas become ready and available. Default 200 ms.</summary>
    public TimeSpan DeploymentReadyDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The clock for token expiry, object timestamps and the simulated life cycle. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Namespaces created at start, besides the ones every cluster has (<c>default</c>, <c>kube-system</c>, <c>kube-public</c>, <c>kube-node-lease</c>).</summary>
    public IList<string> Namespaces { get; } = [];

    internal void Validate()
    {
        if (JobDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(JobDuration), JobDuration, "JobDuration cannot be negative.");
        }

        if (DeploymentReadyDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DeploymentReadyDelay), DeploymentReadyDelay, "DeploymentReadyDelay cannot be negative.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(ClusterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(AdminUserName);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (!System.Text.RegularExpressions.Regex.IsMatch(KubernetesVersion, @"^v\d+\.\d+\.\d+", System.Text.RegularExpressions.RegexOptions.CultureInvariant))
        {
            throw new ArgumentException($"KubernetesVersion must look like 'v1.32.0' (got '{KubernetesVersion}').", nameof(KubernetesVersion));
        }

        if (ServerName is not null && Uri.CheckHostName(ServerName) != UriHostNameType.Dns)
        {
            throw new ArgumentException($"ServerName must be a DNS name such as 'kube-prod.example.test' (got '{ServerName}').", nameof(ServerName));
        }
    }
}
