using k8s;
using System.Security.Authentication;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Validation;
using Connectors.Kubernetes.Tests.Login;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Connectors.Kubernetes.Tests.Clients;

public sealed class ClientTlsTests : IAsyncLifetime
{
    private LoopbackKubernetesServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { ServerName = "kube-prod.example.test" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<TlsFailureReason> RefusedAsync(KubernetesConnectorClient connector)
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connector.Client.CoreV1.ListNamespaceAsync());
        Assert.IsAssignableFrom<AuthenticationException>(error.InnerException);
        return connector.Transport.Validator.LastFailure;
    }

    [Fact]
    public async Task The_connectors_CA_and_the_servers_IP_name_are_accepted()
    {
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server));

        Assert.NotEmpty((await connector.Client.CoreV1.ListNamespaceAsync()).Items);
        Assert.Equal(TlsFailureReason.None, connector.Transport.Validator.LastFailure);
    }

    [Fact]
    public async Task A_certificate_from_another_CA_is_refused_and_no_credential_is_sent()
    {
        var spec = LoopbackSpecs.For(_server) with { CertificateAuthorityData = TestPem.SelfSignedCertificate("CN=some-other-ca") };
        using var connector = KubernetesConnectorClient.Create(spec);

        Assert.Equal(TlsFailureReason.UntrustedCertificate, await RefusedAsync(connector));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Without_a_CA_the_system_roots_decide_and_a_private_CA_is_refused()
    {
        var spec = LoopbackSpecs.For(_server) with { CertificateAuthorityData = null };
        using var connector = KubernetesConnectorClient.Create(spec);

        Assert.Equal(TlsFailureReason.UntrustedCertificate, await RefusedAsync(connector));
    }

    [Fact]
    public async Task A_certificate_for_another_name_is_refused_even_though_the_CA_is_right()
    {
        _server.Faults.ServeMismatchedCertificate = true;
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server));

        Assert.Equal(TlsFailureReason.NameMismatch, await RefusedAsync(connector));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task TlsServerName_is_the_name_checked_instead_of_the_URL_host()
    {
        using var right = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server) with { TlsServerName = "kube-prod.example.test" });
        using var wrong = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server) with { TlsServerName = "kube-dev.example.test" });

        Assert.NotEmpty((await right.Client.CoreV1.ListNamespaceAsync()).Items);
        Assert.Equal(TlsFailureReason.NameMismatch, await RefusedAsync(wrong));
    }

    [Fact]
    public async Task TlsServerName_is_sent_as_SNI_while_the_Host_header_stays_the_URL_authority()
    {
        await using var scripted = await ScriptedServer.StartAsync(["kube-prod.example.test"], ScriptedServer.AnswerWithoutSelfSubjectReview);
        var spec = new KubernetesConnectorSpec
        {
            Name = "sni",
            Server = scripted.Url.GetLeftPart(UriPartial.Authority),
            CertificateAuthorityData = scripted.CertificateAuthorityPem,
            TlsServerName = "kube-prod.example.test",
            Token = new SecretValue("token"),
        };
        using var connector = KubernetesConnectorClient.Create(spec);

        var version = await connector.Client.Version.GetCodeAsync();

        Assert.Equal("v1.27.3", version.GitVersion);
        Assert.Equal(["kube-prod.example.test"], scripted.ServerNames);
        Assert.Equal(scripted.Url.Authority, Assert.Single(scripted.Requests).Host);
    }

    [Fact]
    public async Task InsecureSkipTlsVerify_accepts_any_certificate_and_warns_once_per_connector()
    {
        _server.Faults.ServeMismatchedCertificate = true;
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var spec = LoopbackSpecs.For(_server) with { CertificateAuthorityData = null, InsecureSkipTlsVerify = true };
        using var connector = KubernetesConnectorClient.Create(spec, new KubernetesConnectorClientOptions { LoggerFactory = loggers });

        for (var i = 0; i < 5; i++)
        {
            await connector.Client.CoreV1.ListNamespaceAsync();
            await connector.CreateClient().CoreV1.ListNamespaceAsync();
        }

        var warning = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.StartsWith(KubernetesClientErrorCodes.InsecureSkipTlsVerify, warning.Message);
    }

    [Fact]
    public void Certificate_material_the_rules_accept_but_that_cannot_be_loaded_is_a_client_error()
    {
        // A certificate authority PEM block with no certificate inside: valid text, nothing to trust.
        var empty = Assert.Throws<KubernetesConnectorException>(() => PemCertificates.LoadAuthorities("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
        Assert.Equal(KubernetesClientErrorCodes.InvalidCertificateAuthority, empty.Code);
    }

    [Fact]
    public async Task Credentials_are_never_attached_to_a_plain_http_request()
    {
        await using var plain = await ScriptedServer.StartAsync(null, ScriptedServer.AnswerWithoutSelfSubjectReview);
        var spec = new KubernetesConnectorSpec
        {
            Name = "plain",
            Server = plain.Url.GetLeftPart(UriPartial.Authority),
            Token = new SecretValue("must-not-travel"),
        };
        using var connector = KubernetesConnectorClient.Create(spec);

        await connector.Client.Version.GetCodeAsync();

        var request = Assert.Single(plain.Requests);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public void An_unusable_CA_or_client_certificate_is_refused_by_the_shared_rules_without_key_material()
    {
        var badCa = Assert.Throws<KubernetesConnectorException>(() =>
            KubernetesConnectorClient.Create(LoopbackSpecs.For(_server) with { CertificateAuthorityData = "not a certificate" }));
        Assert.Equal(ConnectorRules.Code(ConnectorRules.RuntimeBase, ConnectorRule.InvalidCertificateAuthority), badCa.Code);

        var (certificate, _) = TestPem.CertificateWithKey();
        var (_, otherKey) = TestPem.CertificateWithKey();
        var badPair = Assert.Throws<KubernetesConnectorException>(() =>
            KubernetesConnectorClient.Create(LoopbackSpecs.For(_server) with { ClientCertificateData = certificate, ClientKeyData = new SecretValue(otherKey) }));
        Assert.Equal(ConnectorRules.Code(ConnectorRules.RuntimeBase, ConnectorRule.ClientCertificateKeyMismatch), badPair.Code);
        Assert.DoesNotContain("PRIVATE KEY-----\n", badPair.Message);
        Assert.DoesNotContain(otherKey.Split('\n')[1], badPair.Message);
    }
}
