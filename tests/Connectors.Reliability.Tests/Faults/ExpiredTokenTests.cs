using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Verification;
using Connectors.Reliability.Tests.Support;
using k8s;
using k8s.Autorest;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Faults;

/// <summary>
/// Expired credentials: when only the server knows (a short-lived token it stopped accepting), verify
/// says Unauthorized; when the connector knows too (ExpiresAt), verify says Expired without a request.
/// </summary>
public sealed class ExpiredTokenTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_token_the_server_considers_expired_is_unauthorized_without_echoing_it()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("expired");
        server.Identities.AddToken("expired-user", token, expiresAt: DateTimeOffset.UtcNow.AddMinutes(-5));
        using var client = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token));

        var result = await client.VerifyAsync().WaitAsync(Loopback.Bound);
        output.WriteLine($"server-side expiry: {result.Failure} {result.Code}: {result.Message}");
        Assert.Equal(KubernetesVerificationFailure.Unauthorized, result.Failure);
        Assert.Equal(KubernetesClientErrorCodes.Unauthorized, result.Code);
        Loopback.AssertNoSecret(result.Message, token);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.Client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Response.StatusCode);
        Loopback.AssertNoSecret(error.ToString(), token);
        Loopback.AssertNoSecret(error.Response.Content, token);
    }

    [Fact]
    public async Task A_connector_that_knows_its_token_expired_reports_Expired_without_contacting_the_server()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("expired");
        var expiry = DateTimeOffset.UtcNow.AddMinutes(-5);
        server.Identities.AddToken("expired-user", token, expiresAt: expiry);
        using var client = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token, expiresAt: expiry));

        var result = await client.VerifyAsync().WaitAsync(Loopback.Bound);
        output.WriteLine($"connector-side expiry: {result.Failure} {result.Code}: {result.Message}");
        Assert.Equal(KubernetesVerificationFailure.Expired, result.Failure);
        Assert.Equal(KubernetesClientErrorCodes.Expired, result.Code);
        Assert.Empty(server.Requests);
        Loopback.AssertNoSecret(result.Message, token);
    }

    [Fact]
    public async Task A_token_that_expires_while_in_use_turns_into_Unauthorized_at_once()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("expiring");
        var identity = server.Identities.AddToken("expiring-user", token, expiresAt: DateTimeOffset.UtcNow.AddHours(1));
        using var client = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token));
        Assert.True((await client.VerifyAsync().WaitAsync(Loopback.Bound)).Succeeded);

        identity.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var result = await client.VerifyAsync().WaitAsync(Loopback.Bound);
        Assert.Equal(KubernetesVerificationFailure.Unauthorized, result.Failure);
        Loopback.AssertNoSecret(result.Message, token);
    }
}
