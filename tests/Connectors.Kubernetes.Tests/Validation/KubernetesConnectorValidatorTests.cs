using System.Text;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Support;

namespace Connectors.Kubernetes.Tests.Validation;

public sealed class KubernetesConnectorValidatorTests
{
    private const string SecretToken = "s3cr3t-token-value-0123456789";

    private static readonly TestCertificates.Material Certs = TestCertificates.Default;

    private static KubernetesConnectorSpec Valid() => new()
    {
        Name = "kube-prod",
        Server = "https://kube-prod.example.test:6443",
        Token = new SecretValue(SecretToken),
        CertificateAuthorityData = Certs.CaPem,
        Namespace = "ml",
    };

    private static IReadOnlyList<KubernetesConnectorDiagnostic> Validate(KubernetesConnectorSpec spec) => KubernetesConnectorValidator.Validate(spec);

    private static KubernetesConnectorDiagnostic Single(KubernetesConnectorSpec spec, string code)
    {
        var diagnostics = Validate(spec);
        var match = Assert.Single(diagnostics, d => d.Code == code);
        return match;
    }

    [Fact]
    public void A_complete_token_connector_has_no_findings() => Assert.Empty(Validate(Valid()));

    [Fact]
    public void An_empty_token_is_valid_for_k3d_style_clusters() => Assert.Empty(Validate(Valid() with { Token = SecretValue.Empty }));

    [Fact]
    public void A_client_certificate_with_its_key_is_valid()
    {
        Assert.Empty(Validate(Valid() with { ClientCertificateData = Certs.ClientCertificatePem, ClientKeyData = new SecretValue(Certs.ClientKeyPem) }));
        var ec = TestCertificates.Create(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), ecClient: true);
        Assert.Empty(Validate(Valid() with { ClientCertificateData = ec.ClientCertificatePem, ClientKeyData = new SecretValue(ec.ClientKeyPem) }));
    }

    [Theory]
    [InlineData("kube_prod")]
    [InlineData("1kube")]
    [InlineData("kube--prod")]
    public void An_invalid_name_is_KC1001(string name)
    {
        var d = Single(Valid() with { Name = name }, "KC1001");
        Assert.Equal(KubernetesDiagnosticSeverity.Error, d.Severity);
        Assert.Equal("Name", d.Field);
        Assert.Contains(name, d.Message);
    }

    [Fact]
    public void A_missing_server_is_KC1002() => Assert.Equal("Server", Single(Valid() with { Server = " " }, "KC1002").Field);

    [Theory]
    [InlineData("kube-prod.example.test")]
    [InlineData("ftp://kube-prod.example.test")]
    [InlineData("/api")]
    [InlineData("https://user:pw@kube-prod.example.test")]
    [InlineData("https://kube-prod.example.test/?a=b")]
    public void A_server_that_is_not_an_absolute_https_url_is_KC1003(string server)
    {
        var d = Single(Valid() with { Server = server }, "KC1003");
        Assert.DoesNotContain("pw@", d.Message);
    }

    [Fact]
    public void A_plain_http_server_is_a_KC1004_warning()
    {
        var d = Single(Valid() with { Server = "http://127.0.0.1:8080", CertificateAuthorityData = null }, "KC1004");
        Assert.Equal(KubernetesDiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void A_path_on_the_server_is_allowed() => Assert.Empty(Validate(Valid() with { Server = "https://rancher.example.test/k8s/clusters/c-42" }));

    [Fact]
    public void The_password_method_needs_both_username_and_password()
    {
        var spec = Valid() with { AuthMethod = KubernetesAuthMethod.Password, Token = null, Username = new SecretValue("admin") };
        var d = Single(spec, "KC1006");
        Assert.Equal("Password", d.Field);
        Assert.Contains("Password is missing", d.Message);
        var both = Single(spec with { Username = null }, "KC1006");
        Assert.Contains("Username and Password are missing", both.Message);
    }

    [Fact]
    public void The_password_method_is_a_KC1007_warning_when_complete()
    {
        var spec = Valid() with { AuthMethod = KubernetesAuthMethod.Password, Token = null, Username = new SecretValue("admin"), Password = new SecretValue("pa55word!") };
        var d = Assert.Single(Validate(spec));
        Assert.Equal(("KC1007", KubernetesDiagnosticSeverity.Warning), (d.Code, d.Severity));
    }

    [Fact]
    public void Fields_of_the_other_auth_method_are_KC1018()
    {
        Assert.Equal("Username", Single(Valid() with { Username = new SecretValue("admin") }, "KC1018").Field);
        var password = Valid() with { AuthMethod = KubernetesAuthMethod.Password, Username = new SecretValue("admin"), Password = new SecretValue("pw") };
        Assert.Equal("Token", Single(password, "KC1018").Field);
    }

    [Fact]
    public void A_client_certificate_without_key_and_a_key_without_certificate_are_KC1008()
    {
        Assert.Equal("ClientKeyData", Single(Valid() with { ClientCertificateData = Certs.ClientCertificatePem }, "KC1008").Field);
        Assert.Equal("ClientCertificateData", Single(Valid() with { ClientKeyData = new SecretValue(Certs.ClientKeyPem) }, "KC1008").Field);
    }

    [Fact]
    public void An_unreadable_certificate_authority_is_KC1009()
    {
        Single(Valid() with { CertificateAuthorityData = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n" }, "KC1009");
        Single(Valid() with { CertificateAuthorityData = "/no/such/dir/ca.crt" }, "KC1009");
    }

    [Fact]
    public void An_unreadable_client_certificate_is_KC1010() =>
        Single(Valid() with { ClientCertificateData = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", ClientKeyData = new SecretValue(Certs.ClientKeyPem) }, "KC1010");

    [Fact]
    public void An_unreadable_client_key_is_KC1011_and_its_value_is_never_echoed()
    {
        var garbage = "-----BEGIN RSA PRIVATE KEY-----\nTUlJQ1hBSUJBQUtCZ1FD\n-----END RSA PRIVATE KEY-----\n";
        var d = Single(Valid() with { ClientCertificateData = Certs.ClientCertificatePem, ClientKeyData = new SecretValue(garbage) }, "KC1011");
        Assert.DoesNotContain("TUlJQ1hBSUJBQUtCZ1FD", d.Message);
        var notAPath = Single(Valid() with { ClientCertificateData = Certs.ClientCertificatePem, ClientKeyData = new SecretValue("my-secret-key-text") }, "KC1011");
        Assert.DoesNotContain("my-secret-key-text", notAPath.Message);
    }

    [Fact]
    public void An_encrypted_client_key_is_KC1011_with_the_reason()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var encrypted = rsa.ExportEncryptedPkcs8PrivateKeyPem("pw", new System.Security.Cryptography.PbeParameters(System.Security.Cryptography.PbeEncryptionAlgorithm.Aes128Cbc, System.Security.Cryptography.HashAlgorithmName.SHA256, 1000));
        var d = Single(Valid() with { ClientCertificateData = Certs.ClientCertificatePem, ClientKeyData = new SecretValue(encrypted) }, "KC1011");
        Assert.Contains("encrypted", d.Message);
    }

    [Fact]
    public void A_key_that_does_not_belong_to_the_certificate_is_KC1012()
    {
        var d = Single(Valid() with { ClientCertificateData = Certs.ClientCertificatePem, ClientKeyData = new SecretValue(Certs.UnrelatedKeyPem) }, "KC1012");
        Assert.Contains("CN=test-user", d.Message);
    }

    [Fact]
    public void A_certificate_authority_with_insecure_skip_tls_verify_is_KC1013()
    {
        Single(Valid() with { InsecureSkipTlsVerify = true }, "KC1013");
        Assert.Empty(Validate(Valid() with { InsecureSkipTlsVerify = true, CertificateAuthorityData = null }));
    }

    [Fact]
    public void Expired_credentials_are_KC1014_errors_and_warnings_when_an_exec_plugin_can_refresh_them()
    {
        var expired = Valid() with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-5) };
        Assert.Equal(KubernetesDiagnosticSeverity.Error, Single(expired, "KC1014").Severity);
        var refreshable = expired with { Exec = new KubernetesExecConfig { Command = "plugin", ApiVersion = "client.authentication.k8s.io/v1" } };
        Assert.Equal(KubernetesDiagnosticSeverity.Warning, Single(refreshable, "KC1014").Severity);
        Assert.Empty(Validate(Valid() with { ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) }));
    }

    [Fact]
    public void An_expired_jwt_token_is_KC1014_and_a_live_one_is_fine()
    {
        var d = Single(Valid() with { Token = new SecretValue(Jwt.WithExpiry(DateTimeOffset.UtcNow.AddHours(-1))) }, "KC1014");
        Assert.Equal("Token", d.Field);
        Assert.Empty(Validate(Valid() with { Token = new SecretValue(Jwt.WithExpiry(DateTimeOffset.UtcNow.AddHours(1))) }));
    }

    [Fact]
    public void An_expired_client_certificate_is_KC1014()
    {
        var old = TestCertificates.Create(DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1));
        var d = Single(Valid() with { ClientCertificateData = old.ClientCertificatePem, ClientKeyData = new SecretValue(old.ClientKeyPem) }, "KC1014");
        Assert.Equal("ClientCertificateData", d.Field);
    }

    [Fact]
    public void Expiry_is_judged_by_the_given_clock()
    {
        var spec = Valid() with { ExpiresAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        Assert.Empty(KubernetesConnectorValidator.Validate(spec, new FixedClock(new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.Zero))));
        Assert.Single(KubernetesConnectorValidator.Validate(spec, new FixedClock(new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero))), d => d.Code == "KC1014");
    }

    [Theory]
    [InlineData("https://kube.example.test")]
    [InlineData("kube prod")]
    public void An_invalid_tls_server_name_is_KC1019(string name) => Single(Valid() with { TlsServerName = name }, "KC1019");

    [Theory]
    [InlineData("ML")]
    [InlineData("-ml")]
    [InlineData("ml_jobs")]
    public void An_invalid_namespace_is_KC1020(string ns) => Single(Valid() with { Namespace = ns }, "KC1020");

    [Fact]
    public void A_missing_token_file_is_KC1021() => Single(Valid() with { Token = null, TokenFile = "/no/such/token" }, "KC1021");

    [Fact]
    public void ThrowIfInvalid_throws_a_coded_exception_listing_every_error_and_no_secret()
    {
        var spec = Valid() with
        {
            Name = "bad_name",
            Server = "ftp://x",
            Username = new SecretValue("the-user-secret"),
            ClientKeyData = new SecretValue(Certs.ClientKeyPem),
        };
        var e = Assert.Throws<KubernetesConnectorException>(() => KubernetesConnectorValidator.ThrowIfInvalid(spec));
        Assert.Equal("KC1001", e.Code);
        Assert.Contains("KC1003", e.Message);
        Assert.Contains("KC1018", e.Message);
        Assert.Contains("KC1008", e.Message);
        Assert.DoesNotContain(SecretToken, e.Message);
        Assert.DoesNotContain("the-user-secret", e.Message);
        Assert.DoesNotContain("PRIVATE KEY-----\nMII", e.Message);
    }

    [Fact]
    public void ThrowIfInvalid_returns_warnings_for_a_usable_connector()
    {
        var warnings = KubernetesConnectorValidator.ThrowIfInvalid(Valid() with { Server = "http://127.0.0.1:8080", CertificateAuthorityData = null });
        Assert.Equal("KC1004", Assert.Single(warnings).Code);
    }

    [Fact]
    public void No_message_ever_contains_a_secret_value()
    {
        var secrets = new[] { "tok-" + Guid.NewGuid(), "user-" + Guid.NewGuid(), "pass-" + Guid.NewGuid() };
        var specs = new[]
        {
            Valid() with { Token = new SecretValue(secrets[0]), Username = new SecretValue(secrets[1]), Password = new SecretValue(secrets[2]), Name = "x_" },
            Valid() with { AuthMethod = KubernetesAuthMethod.Password, Token = new SecretValue(secrets[0]), Username = new SecretValue(secrets[1]), Password = new SecretValue(secrets[2]), ClientKeyData = new SecretValue(secrets[2]) },
        };
        var text = new StringBuilder();
        foreach (var spec in specs)
        {
            foreach (var d in Validate(spec))
            {
                text.AppendLine(d.ToString()).AppendLine(d.Message);
            }

            text.AppendLine(spec.ToString());
        }

        Assert.NotEqual(0, text.Length);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text.ToString());
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
