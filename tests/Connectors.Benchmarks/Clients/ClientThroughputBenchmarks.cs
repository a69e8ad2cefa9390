using BenchmarkDotNet.Attributes;
using Connectors.Kubernetes.Clients;
using k8s;

namespace Connectors.Benchmarks.Clients;

/// <summary>
/// Requests per second through a connector's client against a plain KubernetesClient built from the
/// same kubeconfig, both against the loopback API server (baseline: the plain client; goal: ratio ≥ 0.95
/// in time, i.e. our extra checks cost at most 5 %).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[MemoryDiagnoser]
public class ClientThroughputBenchmarks
{
    private const int Requests = 200;
    private LoopbackBenchmarkCluster _cluster = null!;
    private IKubernetes _plain = null!;
    private KubernetesConnectorClient _connector = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await LoopbackBenchmarkCluster.StartAsync();
        _plain = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(_cluster.KubeconfigPath));
        _connector = KubernetesConnectorClient.Create(_cluster.Spec);
        await _plain.Version.GetCodeAsync();
        await _connector.Client.Version.GetCodeAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _plain.Dispose();
        _connector.Dispose();
        await _cluster.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public async Task PlainKubernetesClient()
    {
        for (var i = 0; i < Requests; i++)
        {
            await _plain.CoreV1.ListNamespaceAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public async Task ConnectorClient()
    {
        var client = _connector.Client;
        for (var i = 0; i < Requests; i++)
        {
            await client.CoreV1.ListNamespaceAsync();
        }
    }
}
