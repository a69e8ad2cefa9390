using System.Diagnostics;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Verification;
using Connectors.Reliability.Tests.Support;
using k8s;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Faults;

/// <summary>A server slower than the caller's patience: a Timeout classification or a cancellation on time, never a hang.</summary>
public sealed class LatencyFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Verify_of_a_server_slower_than_the_verify_timeout_is_a_timeout_on_time()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("latency");
        server.Identities.AddToken("latency-user", token);
        using var client = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token), new KubernetesConnectorClientOptions { VerifyTimeout = TimeSpan.FromSeconds(1) });
        server.Faults.Latency = TimeSpan.FromSeconds(20);

        var clock = Stopwatch.StartNew();
        var result = await client.VerifyAsync().WaitAsync(Loopback.Bound);
        clock.Stop();
        output.WriteLine($"latency 20 s, verify timeout 1 s: {result.Failure} {result.Code} after {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(KubernetesVerificationFailure.Timeout, result.Failure);
        Assert.Equal(KubernetesClientErrorCodes.Timeout, result.Code);
        // The timeout plus scheduling slack on a busy 2-core machine, far below the 20 s latency.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(6));
        Loopback.AssertNoSecret(result.Message, token);

        // The slow server recovers: the same client verifies again.
        server.Faults.Clear();
        Assert.True((await client.VerifyAsync().WaitAsync(Loopback.Bound)).Succeeded);
    }

    [Fact]
    public async Task A_request_on_a_slow_server_ends_when_the_caller_cancels()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("latency");
        server.Identities.AddToken("latency-user", token);
        using var client = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token));
        await client.Client.Version.GetCodeAsync().WaitAsync(Loopback.Bound);
        server.Faults.Latency = TimeSpan.FromSeconds(20);

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Client.CoreV1.ListNamespaceAsync(cancellationToken: patience.Token).WaitAsync(Loopback.Bound));
        clock.Stop();
        output.WriteLine($"latency 20 s, caller cancels after 1 s: {error.GetType().Name} after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(6));
        Loopback.AssertNoSecret(error.ToString(), token);
    }
}
