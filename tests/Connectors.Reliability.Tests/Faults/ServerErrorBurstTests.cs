using System.Net;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Verification;
using Connectors.Reliability.Tests.Support;
using k8s;
using k8s.Autorest;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Faults;

/// <summary>
/// A burst of 5xx answers. The connector does not retry (a retry policy is the caller's business, and
/// a write is not safe to repeat): each failed request surfaces as the server's status, verify
/// classifies it as an unexpected response naming the status, and the first request after the burst succeeds.
/// </summary>
public sealed class ServerErrorBurstTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Verify_during_a_burst_is_a_classified_server_error_and_succeeds_after_it(int status)
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("burst");
        server.Identities.AddToken("burst-user", token);
        using var client = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token));
        server.Faults.FailNext(3, status);

        for (var i = 0; i < 3; i++)
        {
            var failed = await client.VerifyAsync().WaitAsync(Loopback.Bound);
            Assert.Equal(KubernetesVerificationFailure.UnexpectedResponse, failed.Failure);
            Assert.Equal(KubernetesClientErrorCodes.UnexpectedResponse, failed.Code);
            Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.Message, StringComparison.Ordinal);
            Assert.Contains("server error", failed.Message, StringComparison.Ordinal);
            Loopback.AssertNoSecret(failed.Message, token);
            if (i == 0)
            {
                output.WriteLine($"{status} burst: {failed.Message}");
            }
        }

        var recovered = await client.VerifyAsync().WaitAsync(Loopback.Bound);
        Assert.True(recovered.Succeeded, recovered.Message);
        Assert.Equal(0, server.Faults.Pending);
    }

    [Fact]
    public async Task Requests_through_a_shared_client_and_a_created_client_see_the_burst_then_succeed()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("burst");
        server.Identities.AddToken("burst-user", token);
        using var connector = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token));
        using var created = connector.CreateClient();
        IKubernetes[] clients = [connector.Client, created];
        server.Faults.FailNext(4, 503, pathPrefix: "/api/v1/namespaces");

        var failures = 0;
        for (var i = 0; i < 4; i++)
        {
            var error = await Assert.ThrowsAsync<HttpOperationException>(() => clients[i % 2].CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Response.StatusCode);
            Loopback.AssertNoSecret(error.ToString(), token);
            Loopback.AssertNoSecret(error.Request.Headers.ToString(), token);
            failures++;
        }

        foreach (var client in clients)
        {
            Assert.NotEmpty((await client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound)).Items);
        }

        Assert.Equal(4, failures);
        Assert.Equal(4, server.Requests.Count(r => r.Path == "/api/v1/namespaces" && r.StatusCode == 503));
    }
}
