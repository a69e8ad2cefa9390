using System.Collections.Concurrent;
using System.Diagnostics;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using Connectors.Reliability.Tests.Support;
using k8s;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Load;

/// <summary>
/// Fifty components (tasks) share one connector — half through its shared <see cref="KubernetesConnectorClient.Client"/>,
/// half through clients of their own from <see cref="KubernetesConnectorClient.CreateClient"/> — and make
/// 20,000 requests to the loopback cluster while its token file is rotated halfway (new token written,
/// old token revoked). Not one request may fail, and the connector must keep to a handful of sockets.
/// </summary>
public sealed class SharedConnectorLoadTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Components sharing the connector.</summary>
    private const int Components = 50;

    /// <summary>
    /// The most TCP connections the connector may open for the whole run. HTTP/2 multiplexes the 50
    /// components' requests (100 streams per connection on the server); a client that opened a socket per
    /// request or per component would blow far past it.
    /// </summary>
    private const int ConnectionBound = 8;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rel-load-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Fifty_components_share_one_connector_through_a_token_rotation_without_a_failed_request()
    {
        // The full 20,000 in both modes: about 10 s on the 2-core build machine (docs/reliability.md).
        var total = FuzzRun.LongMode ? 200_000 : 20_000;
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var identity = server.Identities.AddToken("load-user", Loopback.CanaryToken("load-old"));
        var oldToken = identity.Token!;
        var path = Path.Combine(_folder.FullName, "token");
        Loopback.WriteTokenFile(path, oldToken);
        using var connector = KubernetesConnectorClient.Create(Loopback.TokenFileSpec(server, path, "kube-load"));
        await connector.Client.Version.GetCodeAsync().WaitAsync(Loopback.Bound);

        long issued = 0;
        long succeeded = 0;
        var rotated = 0;
        string? newToken = null;
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var components = Enumerable.Range(0, Components).Select(component => Task.Run(async () =>
        {
            using var own = component % 2 == 1 ? connector.CreateClient() : null;
            var client = own ?? connector.Client;
            while (Interlocked.Increment(ref issued) <= total)
            {
                if (Interlocked.Read(ref issued) >= total / 2 && Interlocked.Exchange(ref rotated, 1) == 0)
                {
                    // Kubelet order: the new token is in the file before the old one stops working.
                    newToken = Loopback.CanaryToken("load-new");
                    Loopback.WriteTokenFile(path, newToken);
                    identity.RotateToken(newToken);
                }

                try
                {
                    if (issued % 2 == 0)
                    {
                        await client.CoreV1.ListNamespaceAsync().ConfigureAwait(false);
                    }
                    else
                    {
                        await client.Version.GetCodeAsync().ConfigureAwait(false);
                    }

                    Interlocked.Increment(ref succeeded);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"component {component}: {e.GetType().Name}: {e.Message}");
                }
            }
        })).ToArray();
        await Task.WhenAll(components).WaitAsync(TimeSpan.FromMinutes(FuzzRun.LongMode ? 30 : 3));
        clock.Stop();

        var line = $"load: {Components} components, {total} requests in {clock.Elapsed.TotalSeconds:F1} s "
            + $"({total / clock.Elapsed.TotalSeconds:F0} requests/s), {failures.Count} failed; "
            + $"server connections {server.Connections}, connector opened {connector.Transport.ConnectionsOpened}";
        output.WriteLine(line);
        Assert.True(failures.IsEmpty, $"{failures.Count} failed, first: {failures.FirstOrDefault()}");
        Assert.Equal(total, Interlocked.Read(ref succeeded));
        Assert.Equal(1, rotated);
        Assert.InRange(server.Connections.Opened, 1, ConnectionBound);
        Assert.InRange(connector.Transport.ConnectionsOpened, 1, ConnectionBound);
        // After the rotation the connector uses the new token: the last requests came from the same user with it.
        Assert.Equal("load-user", server.Requests[^1].User);
        Loopback.AssertNoSecret(string.Join('\n', failures), oldToken, newToken);
    }
}
