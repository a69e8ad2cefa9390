using Connectors.Kubernetes.Testing;

namespace Connectors.Benchmarks.Clients;

/// <summary>
/// A loopback API server with a kubeconfig file for its admin, and the connector spec for the
/// same context: what both sides of a client benchmark are built from.
/// </summary>
internal sealed class LoopbackBenchmarkCluster : IAsyncDisposable
{
    private readonly string _directory;

    private LoopbackBenchmarkCluster(LoopbackKubernetesServer server, string directory, string kubeconfigPath, Connectors.Kubernetes.KubernetesConnectorSpec spec)
    {
        Server = server;
        _directory = directory;
        KubeconfigPath = kubeconfigPath;
        Spec = spec;
    }

    public LoopbackKubernetesServer Server { get; }

    public string KubeconfigPath { get; }

    public Connectors.Kubernetes.KubernetesConnectorSpec Spec { get; }

    public static async Task<LoopbackBenchmarkCluster> StartAsync()
    {
        var server = await LoopbackKubernetesServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("connectors-bench-").FullName;
        var kubeconfig = server.GetKubeconfig();
        var path = await kubeconfig.WriteAsync(Path.Combine(directory, "config"));
        var spec = new Connectors.Kubernetes.KubernetesConnectorSpec
        {
            Name = "bench",
            Server = kubeconfig.Server.GetLeftPart(UriPartial.Authority),
            ClusterName = kubeconfig.ClusterName,
            CertificateAuthorityData = kubeconfig.CertificateAuthorityPem,
            Token = new Connectors.Kubernetes.SecretValue(kubeconfig.Token!),
        };
        return new LoopbackBenchmarkCluster(server, directory, path, spec);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
