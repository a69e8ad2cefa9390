using System.Security.Authentication;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Verification;
using Connectors.Reliability.Tests.Support;
using k8s;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Faults;

/// <summary>
/// The server presents a certificate signed by the trusted CA but issued for another name: the
/// connector refuses the handshake (KubernetesClient alone would accept it), classified as a name mismatch.
/// </summary>
public sealed class WrongCertificateNameTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Verify_refuses_a_certificate_for_another_name_with_the_name_mismatch_reason()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("tls");
        server.Identities.AddToken("tls-user", token);
        server.Faults.ServeMismatchedCertificate = true;
        using var client = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token));

        var result = await client.VerifyAsync().WaitAsync(Loopback.Bound);
        output.WriteLine($"mismatched certificate: {result.Failure} {result.TlsFailure} {result.Code}: {result.Message}");
        Assert.Equal(KubernetesVerificationFailure.Tls, result.Failure);
        Assert.Equal(TlsFailureReason.NameMismatch, result.TlsFailure);
        Assert.Equal(KubernetesClientErrorCodes.CertificateNameMismatch, result.Code);
        Assert.Contains("127.0.0.1", result.Message, StringComparison.Ordinal);
        Loopback.AssertNoSecret(result.Message, token);
        // The credential never left: the handshake failed before any request.
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_request_over_a_mismatched_certificate_fails_before_sending_the_token()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = Loopback.CanaryToken("tls");
        server.Identities.AddToken("tls-user", token);
        server.Faults.ServeMismatchedCertificate = true;
        using var connector = KubernetesConnectorClient.Create(Loopback.TokenSpec(server, token));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connector.Client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound));
        Assert.IsType<AuthenticationException>(error.InnerException);
        Loopback.AssertNoSecret(error.ToString(), token);
        Assert.Empty(server.Requests);

        // New connections get the right certificate again once the fault is cleared.
        server.Faults.ServeMismatchedCertificate = false;
        Assert.NotEmpty((await connector.Client.CoreV1.ListNamespaceAsync().WaitAsync(Loopback.Bound)).Items);
    }
}
