using k8s;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;

namespace Connectors.Kubernetes.Tests.Clients;

public sealed class ConnectionReuseTests : IAsyncLifetime
{
    private LoopbackKubernetesServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackKubernetesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [SkippableFact]
    public async Task Ten_thousand_requests_from_many_clients_of_one_connector_use_one_connection()
    {
        Skip.IfNot(TcpTable.IsAvailable, "needs /proc/net/tcp");
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server));
        var clients = Enumerable.Range(0, 50).Select(_ => connector.CreateClient()).ToArray();
        var most = 0;

        for (var i = 0; i < 10_000; i++)
        {
            await clients[i % clients.Length].Version.GetCodeAsync();
            if (i % 500 == 0)
            {
                most = Math.Max(most, TcpTable.AcceptedBy(_server.Port));
            }
        }

        // One connection carries everything: the connector opened one, and the server never held more.
        var opened = connector.Transport.ConnectionsOpened;
        Assert.True(opened == 1, $"{opened} connections opened for 10,000 requests");
        Assert.True(most == 1, $"the server held {most} connections at once");
        Assert.Equal(1, TcpTable.AcceptedBy(_server.Port));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [SkippableFact]
    public async Task Disposing_the_connector_closes_its_connections()
    {
        Skip.IfNot(TcpTable.IsAvailable, "needs /proc/net/tcp");
        var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => connector.CreateClient().CoreV1.ListNamespaceAsync()));
        Assert.Equal(1, TcpTable.AcceptedBy(_server.Port));

        connector.Dispose();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (TcpTable.AcceptedBy(_server.Port) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, TcpTable.AcceptedBy(_server.Port));
    }
}
