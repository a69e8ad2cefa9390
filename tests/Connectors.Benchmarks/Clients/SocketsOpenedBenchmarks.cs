using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Connectors.Kubernetes.Clients;
using k8s;

namespace Connectors.Benchmarks.Clients;

/// <summary>
/// Sockets opened for 10,000 sequential requests made by 100 short-lived clients of 100 requests
/// each — the way components create clients. Baseline: a plain KubernetesClient per batch (one
/// connection pool each). Ours: clients of one connector, sharing its pool (goal: 1 socket).
/// </summary>
[Config(typeof(Config))]
public class SocketsOpenedBenchmarks
{
    private const int Clients = 100;
    private const int RequestsPerClient = 100;
    private LoopbackBenchmarkCluster _cluster = null!;
    private KubernetesClientConfiguration _plainConfiguration = null!;
    private int _plainSockets;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await LoopbackBenchmarkCluster.StartAsync();
        _plainConfiguration = KubernetesClientConfiguration.BuildConfigFromConfigFile(_cluster.KubeconfigPath);

        // Only counts the plain client's connections; how it connects is unchanged.
        _plainConfiguration.FirstMessageHandlerSetup = handler => handler.ConnectCallback = async (context, token) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, token);
            Interlocked.Increment(ref _plainSockets);
            return new NetworkStream(socket, ownsSocket: true);
        };
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _cluster.DisposeAsync();

    [Benchmark(Baseline = true)]
    public async Task PlainClientPerBatch()
    {
        var before = Volatile.Read(ref _plainSockets);
        for (var c = 0; c < Clients; c++)
        {
            using var client = new k8s.Kubernetes(_plainConfiguration);
            for (var i = 0; i < RequestsPerClient; i++)
            {
                await client.Version.GetCodeAsync();
            }
        }

        SocketsOpenedColumn.Recorded[nameof(PlainClientPerBatch)] = Volatile.Read(ref _plainSockets) - before;
    }

    [Benchmark]
    public async Task ConnectorClientPerBatch()
    {
        using var connector = KubernetesConnectorClient.Create(_cluster.Spec);
        for (var c = 0; c < Clients; c++)
        {
            using var client = connector.CreateClient();
            for (var i = 0; i < RequestsPerClient; i++)
            {
                await client.Version.GetCodeAsync();
            }
        }

        SocketsOpenedColumn.Recorded[nameof(ConnectorClientPerBatch)] = connector.Transport.ConnectionsOpened;
    }

    private sealed class Config : ShortInProcessConfig
    {
        public Config() => AddColumn(new SocketsOpenedColumn());
    }
}
