using System.Net;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using Connectors.Reliability.Tests.Support;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Faults;

/// <summary>
/// A token file rotated under a running connector. The kubelet writes the new token before the old one
/// stops being accepted: then not one request fails — the first 401 makes the connector re-read the file
/// and send the request again. If the server revokes the old token before the file changes, the requests
/// in between fail with 401 (the file still holds a rejected token), and the first request after the
/// file changes succeeds, without waiting for the periodic look at the file.
/// </summary>
public sealed class RotatedTokenFileTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rel-rotate-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Rotation_in_kubelet_order_fails_no_request()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var identity = server.Identities.AddToken("rotating-user", Loopback.CanaryToken("old"));
        var oldToken = identity.Token!;
        var path = Path.Combine(_folder.FullName, "token");
        Loopback.WriteTokenFile(path, oldToken);
        // A periodic look an hour away: only the 401 can make the connector see the new token.
        using var connector = KubernetesConnectorClient.Create(
            Loopback.TokenFileSpec(server, path), new KubernetesConnectorClientOptions { TokenFileMinimumInterval = TimeSpan.FromHours(1) });
        using var created = connector.CreateClient();
        IKubernetes[] clients = [connector.Client, created];
        for (var i = 0; i < 10; i++)
        {
            await clients[i % 2].CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound);
        }

        var newToken = Loopback.CanaryToken("new");
        Loopback.WriteTokenFile(path, newToken);
        identity.RotateToken(newToken);

        for (var i = 0; i < 10; i++)
        {
            Assert.NotEmpty((await clients[i % 2].CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound)).Items);
        }

        var unauthorized = server.Requests.Count(r => r.StatusCode == 401);
        output.WriteLine($"kubelet-order rotation: 20 requests, 0 failed, {unauthorized} answered 401 and resent");
        Assert.Equal(1, unauthorized);
        Assert.Equal("rotating-user", server.Requests[^1].User);
    }

    [Fact]
    public async Task Revocation_before_the_file_changes_fails_only_the_requests_in_between()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var identity = server.Identities.AddToken("rotating-user", Loopback.CanaryToken("old"));
        var oldToken = identity.Token!;
        var path = Path.Combine(_folder.FullName, "token");
        Loopback.WriteTokenFile(path, oldToken);
        using var connector = KubernetesConnectorClient.Create(
            Loopback.TokenFileSpec(server, path), new KubernetesConnectorClientOptions { TokenFileMinimumInterval = TimeSpan.FromHours(1) });
        await connector.Client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound);

        var newToken = identity.RotateToken(Loopback.CanaryToken("new"));
        var gap = await Assert.ThrowsAsync<HttpOperationException>(() => connector.Client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound));
        Assert.Equal(HttpStatusCode.Unauthorized, gap.Response.StatusCode);
        Loopback.AssertNoSecret(gap.ToString(), oldToken, newToken);
        var verify = await connector.VerifyAsync().WaitAsync(Loopback.Bound);
        Assert.Equal(Connectors.Kubernetes.Verification.KubernetesVerificationFailure.Unauthorized, verify.Failure);
        Loopback.AssertNoSecret(verify.Message, oldToken, newToken);

        Loopback.WriteTokenFile(path, newToken);
        Assert.NotEmpty((await connector.Client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound)).Items);
        Assert.True((await connector.VerifyAsync().WaitAsync(Loopback.Bound)).Succeeded);
    }

    [Fact]
    public async Task An_injected_client_follows_the_rotation_without_a_failed_request()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var identity = server.Identities.AddToken("rotating-user", Loopback.CanaryToken("old"));
        var path = Path.Combine(_folder.FullName, "token");
        Loopback.WriteTokenFile(path, identity.Token!);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Loopback.TokenFileSection(server, "kube-rotating", path));
        builder.AddKubernetesConnectorClient("kube-rotating");
        using var host = builder.Build();
        await host.StartAsync().WaitAsync(Loopback.Bound);
        var client = host.Services.GetRequiredKeyedService<IKubernetes>("kube-rotating");
        await client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound);

        var newToken = Loopback.CanaryToken("new");
        Loopback.WriteTokenFile(path, newToken);
        identity.RotateToken(newToken);
        for (var i = 0; i < 5; i++)
        {
            Assert.NotEmpty((await client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound)).Items);
        }

        Assert.True(server.Requests.Count(r => r.StatusCode == 401) <= 1);
        await host.StopAsync().WaitAsync(Loopback.Bound);
    }
}
