using k8s;
using System.Diagnostics;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Tests.Clients;
using Connectors.Kubernetes.Tests.Credentials;
using Connectors.Kubernetes.Tests.Login;
using Connectors.Kubernetes.Verification;

namespace Connectors.Kubernetes.Tests.Verification;

public sealed class KubernetesVerifierTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private LoopbackKubernetesServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { ClusterName = "kube-loop" });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private static async Task<KubernetesVerificationResult> VerifyAsync(KubernetesConnectorSpec spec, KubernetesConnectorClientOptions? options = null)
    {
        using var connector = KubernetesConnectorClient.Create(spec, options);
        return await connector.VerifyAsync();
    }

    [Fact]
    public async Task Success_reports_identity_server_version_resource_latency_and_expiry()
    {
        var identity = _server.Identities.AddToken("ml-deployer", groups: ["team-ml"], rules: [LoopbackAccessRule.All]);
        var expiry = DateTimeOffset.UtcNow.AddDays(3);

        var result = await VerifyAsync(LoopbackSpecs.For(_server, identity, "kube-prod") with { ExpiresAt = expiry });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("kube-prod", result.ConnectorName);
        Assert.Equal("kubernetes-cluster", result.ResourceType);
        Assert.Equal("kube-loop", result.ResourceName);
        Assert.Equal("ml-deployer", result.Identity!.Username);
        Assert.Contains("team-ml", result.Identity.Groups);
        Assert.Equal(identity.Uid, result.Identity.Uid);
        Assert.Equal("SelfSubjectReview", result.ProvenBy);
        Assert.Equal(_server.Options.KubernetesVersion, result.ServerVersion);
        Assert.True(result.Latency > TimeSpan.Zero);
        Assert.Equal(expiry, result.ExpiresAt);
        Assert.Null(result.Code);
        Assert.Contains(_server.Requests, r => r.Path == "/apis/authentication.k8s.io/v1/selfsubjectreviews" && r.StatusCode == 201);
    }

    [Fact]
    public async Task A_client_certificates_expiry_is_reported_when_it_comes_first()
    {
        var identity = _server.Identities.AddClientCertificate("cert-user", rules: [LoopbackAccessRule.All]);
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(identity.ClientCertificatePem);

        var result = await VerifyAsync(LoopbackSpecs.For(_server, identity) with { ExpiresAt = DateTimeOffset.UtcNow.AddYears(50) });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("cert-user", result.Identity!.Username);
        Assert.Equal(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), result.ExpiresAt);
    }

    [Fact]
    public async Task Rejected_credentials_are_unauthorized()
    {
        var result = await VerifyAsync(LoopbackSpecs.For(_server) with { Token = new SecretValue("wrong-token") });

        AssertFailure(result, KubernetesVerificationFailure.Unauthorized, KubernetesClientErrorCodes.Unauthorized);
        Assert.DoesNotContain("wrong-token", result.ToString());
    }

    [Fact]
    public async Task An_identity_without_rights_to_review_itself_is_forbidden()
    {
        await using var strict = await ScriptedServer.StartAsync(["localhost"], ScriptedServer.AnswerForbiddingSelfSubjectReview);

        var result = await VerifyAsync(new KubernetesConnectorSpec
        {
            Name = "strict", Server = $"https://localhost:{strict.Url.Port}", CertificateAuthorityData = strict.CertificateAuthorityPem, Token = new SecretValue("t"),
        });

        AssertFailure(result, KubernetesVerificationFailure.Forbidden, KubernetesClientErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Expired_credentials_fail_without_contacting_the_server()
    {
        var result = await VerifyAsync(LoopbackSpecs.For(_server) with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        AssertFailure(result, KubernetesVerificationFailure.Expired, KubernetesClientErrorCodes.Expired);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_slow_server_is_a_timeout_returned_within_the_configured_time()
    {
        _server.Faults.Latency = TimeSpan.FromSeconds(20);
        var watch = Stopwatch.StartNew();

        var result = await VerifyAsync(LoopbackSpecs.For(_server), new KubernetesConnectorClientOptions { VerifyTimeout = TimeSpan.FromMilliseconds(500) });

        AssertFailure(result, KubernetesVerificationFailure.Timeout, KubernetesClientErrorCodes.Timeout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        // A port bound but not listening refuses connections, and stays ours for the whole test
        // (a port merely freed again could be taken by another test's server meanwhile).
        using var placeholder = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        placeholder.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)placeholder.LocalEndPoint!).Port;

        var result = await VerifyAsync(LoopbackSpecs.For(_server) with { Server = $"https://127.0.0.1:{port}" });

        AssertFailure(result, KubernetesVerificationFailure.Unreachable, KubernetesClientErrorCodes.Unreachable);
    }

    [Fact]
    public async Task TLS_failures_say_why()
    {
        var wrongCa = await VerifyAsync(LoopbackSpecs.For(_server) with { CertificateAuthorityData = TestPem.SelfSignedCertificate() });
        AssertFailure(wrongCa, KubernetesVerificationFailure.Tls, KubernetesClientErrorCodes.UntrustedCertificate);
        Assert.Equal(TlsFailureReason.UntrustedCertificate, wrongCa.TlsFailure);
        Assert.Contains("CertificateAuthorityData", wrongCa.Message);

        _server.Faults.ServeMismatchedCertificate = true;
        var wrongName = await VerifyAsync(LoopbackSpecs.For(_server));
        AssertFailure(wrongName, KubernetesVerificationFailure.Tls, KubernetesClientErrorCodes.CertificateNameMismatch);
        Assert.Equal(TlsFailureReason.NameMismatch, wrongName.TlsFailure);
        Assert.Contains("TlsServerName", wrongName.Message);
    }

    [Fact]
    public async Task A_plain_http_server_is_refused_before_any_credential_is_sent()
    {
        await using var plain = await ScriptedServer.StartAsync(null, ScriptedServer.AnswerWithoutSelfSubjectReview);

        var result = await VerifyAsync(new KubernetesConnectorSpec { Name = "plain", Server = plain.Url.ToString(), Token = new SecretValue("t") });

        AssertFailure(result, KubernetesVerificationFailure.InsecureTransport, KubernetesClientErrorCodes.PlainHttpServer);
        Assert.Empty(plain.Requests);
    }

    [SkippableFact]
    public async Task A_failing_exec_plugin_is_a_credentials_failure_with_its_code()
    {
        Skip.If(OperatingSystem.IsWindows(), "exec plugins here are shell scripts");
#pragma warning disable CA1416
        var exec = ExecPluginScripts.Script(_temp, "exit 7");
#pragma warning restore CA1416

        var result = await VerifyAsync(LoopbackSpecs.For(_server) with { Token = null, Exec = exec });

        AssertFailure(result, KubernetesVerificationFailure.Credentials, KubernetesErrorCodes.ExecPluginFailed);
    }

    [Fact]
    public async Task Servers_without_SelfSubjectReview_are_verified_with_an_access_review()
    {
        await using var old = await ScriptedServer.StartAsync(["localhost"], ScriptedServer.AnswerWithoutSelfSubjectReview);

        var result = await VerifyAsync(new KubernetesConnectorSpec
        {
            Name = "old", Server = $"https://localhost:{old.Url.Port}", CertificateAuthorityData = old.CertificateAuthorityPem, Token = new SecretValue("t"),
        });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("SelfSubjectAccessReview", result.ProvenBy);
        Assert.Null(result.Identity);
        Assert.Equal("v1.27.3", result.ServerVersion);
        Assert.Equal("localhost", result.ResourceName);
    }

    [Fact]
    public async Task Many_connectors_are_verified_concurrently()
    {
        _server.Faults.Latency = TimeSpan.FromMilliseconds(700);
        var specs = Enumerable.Range(0, 8).Select(i => LoopbackSpecs.For(_server, name: $"kube-{i}")).ToArray();
        var watch = Stopwatch.StartNew();

        var results = await KubernetesVerifier.VerifyAllAsync(specs);

        // One after the other this takes at least 8 × 2 × 0.7 s = 11.2 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(7), $"took {watch.Elapsed}");
        Assert.Equal(specs.Select(s => s.Name), results.Select(r => r.ConnectorName));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
    }

    [Fact]
    public async Task A_connector_whose_material_cannot_load_fails_alone_in_a_batch()
    {
        var results = await KubernetesVerifier.VerifyAllAsync(
        [
            LoopbackSpecs.For(_server, name: "good"),
            LoopbackSpecs.For(_server, name: "bad") with { CertificateAuthorityData = "garbage" },
        ]);

        Assert.True(results[0].Succeeded, results[0].Message);
        // The shared declaration rules catch it first (rule 9, unusable certificate authority).
        AssertFailure(results[1], KubernetesVerificationFailure.Credentials,
            Connectors.Kubernetes.Validation.ConnectorRules.Code(Connectors.Kubernetes.Validation.ConnectorRules.RuntimeBase, Connectors.Kubernetes.Validation.ConnectorRule.InvalidCertificateAuthority));
    }

    private static void AssertFailure(KubernetesVerificationResult result, KubernetesVerificationFailure failure, string code)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(failure, result.Failure);
        Assert.Equal(code, result.Code);
        Assert.Contains(code, result.Message);
        Assert.Contains($"'{result.ConnectorName}'", result.Message);
        Assert.DoesNotContain("   at ", result.Message); // never a stack trace
    }
}
