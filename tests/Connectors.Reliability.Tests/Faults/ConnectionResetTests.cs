using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Verification;
using Connectors.Reliability.Tests.Support;
using k8s;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Faults;

/// <summary>The server cuts the connection instead of answering: a classified failure, no hang, and the next request succeeds on a fresh connection.</summary>
public sealed class ConnectionResetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Verify_on_a_reset_connection_is_classified_and_the_next_verify_succeeds()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("reset");
        server.Identities.AddToken("reset-user", token);
        using var client = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token));
        server.Faults.ResetNext(1);

        var result = await client.VerifyAsync().WaitAsync(Loopback.Bound);
        output.WriteLine($"reset during verify: {result.Failure} {result.Code}: {result.Message}");
        Assert.Equal(KubernetesVerificationFailure.Unreachable, result.Failure);
        Assert.Equal(KubernetesClientErrorCodes.Unreachable, result.Code);
        Assert.Contains("cut the connection", result.Message, StringComparison.Ordinal);
        Loopback.AssertNoSecret(result.Message, token);

        var again = await client.VerifyAsync().WaitAsync(Loopback.Bound);
        Assert.True(again.Succeeded, again.Message);
    }

    [Fact]
    public async Task A_request_on_a_reset_connection_fails_fast_and_the_shared_chain_recovers()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("reset");
        server.Identities.AddToken("reset-user", token);
        using var connector = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token));
        using var created = connector.CreateClient();
        await connector.Client.Version.GetCodeAsync().WaitAsync(Loopback.Bound);
        server.Faults.ResetNext(2, pathPrefix: "/api/v1/namespaces");

        var first = await Assert.ThrowsAsync<HttpRequestException>(() => connector.Client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound));
        var second = await Assert.ThrowsAsync<HttpRequestException>(() => created.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound));
        output.WriteLine($"reset request: {first.HttpRequestError} {first.Message}");
        Loopback.AssertNoSecret(first.ToString(), token);
        Loopback.AssertNoSecret(second.ToString(), token);

        Assert.NotEmpty((await connector.Client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound)).Items);
        Assert.NotEmpty((await created.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound)).Items);
        Assert.Equal(0, server.Faults.Pending);
    }

    [Fact]
    public async Task A_refused_loopback_port_is_unreachable_on_time()
    {
        // A port that was free a moment ago and has no listener now: the connect is refused at once.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("refused");
        var spec = Loopback.TokenSpec(server, token) with { Server = "https://127.0.0.1:" + port };
        using var client = KubernetesConnectorClient.Create(spec);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await client.VerifyAsync().WaitAsync(Loopback.Bound);
        output.WriteLine($"refused port: {result.Failure} {result.Code} after {clock.ElapsedMilliseconds} ms: {result.Message}");
        Assert.Equal(KubernetesVerificationFailure.Unreachable, result.Failure);
        Assert.Equal(KubernetesClientErrorCodes.Unreachable, result.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Loopback.AssertNoSecret(result.Message, token);
    }
}
