using System.Diagnostics;
using Connectors.Kubernetes;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Verification;
using Connectors.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Load;

/// <summary>Two hundred connectors, each its own identity, verified at once: every one succeeds, as itself, results in input order.</summary>
public sealed class ConcurrentVerifyLoadTests(ITestOutputHelper output)
{
    private const int Connectors = 200;

    [Fact]
    public async Task Two_hundred_connectors_verify_concurrently_in_input_order()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var specs = new KubernetesConnectorSpec[Connectors];
        var tokens = new string[Connectors];
        for (var i = 0; i < Connectors; i++)
        {
            tokens[i] = Loopback.CanaryToken("verify" + i);
            server.Identities.AddToken("verify-user-" + i, tokens[i]);
            specs[i] = Loopback.TokenSpec(server, tokens[i], "kube-verify-" + i);
        }

        var clock = Stopwatch.StartNew();
        // 200 TLS handshakes at once queue on the CPU: on the 2-core build machine the slowest verify
        // takes about 5 s, a third of the default 15 s verify timeout; 60 s keeps a busier CI machine from flaking.
        var options = new Connectors.Kubernetes.Clients.KubernetesConnectorClientOptions { VerifyTimeout = TimeSpan.FromSeconds(60) };
        var results = await KubernetesVerifier.VerifyAllAsync(specs, options).WaitAsync(TimeSpan.FromMinutes(3));
        clock.Stop();
        output.WriteLine($"verify: {Connectors} connectors concurrently in {clock.Elapsed.TotalSeconds:F1} s, "
            + $"{results.Count(r => r.Succeeded)} succeeded, slowest {results.Max(r => r.Latency).TotalMilliseconds:F0} ms; server connections {server.Connections}");

        Assert.Equal(Connectors, results.Length);
        for (var i = 0; i < Connectors; i++)
        {
            Assert.True(results[i].Succeeded, $"{specs[i].Name}: {results[i].Message}");
            Assert.Equal(specs[i].Name, results[i].ConnectorName);
            Assert.Equal("verify-user-" + i, results[i].Identity!.Username);
        }

        // Each connector is its own client with its own TLS connection(s); they are closed when verify ends.
        Assert.InRange(server.Connections.Opened, Connectors, 2 * Connectors);
    }
}
