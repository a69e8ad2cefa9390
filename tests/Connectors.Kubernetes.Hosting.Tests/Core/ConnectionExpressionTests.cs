using Connectors.Kubernetes.Hosting.Tests.Support;

namespace Connectors.Kubernetes.Hosting.Tests.Core;

/// <summary>The connection string and properties per auth method, as expressions over parameter names.</summary>
public sealed class ConnectionExpressionTests
{
    private static readonly KubernetesAppHostConnector Prod = KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test" };

    [Fact]
    public void Token_method_with_a_ca()
    {
        var connector = Prod.WithTokenAuth().WithCertificateAuthority();

        Assert.Equal(
            "Server=https://kube-prod.example.test;AuthMethod=token;Token={kube-prod-token.value};CertificateAuthorityData={kube-prod-certificate-authority.value}",
            KubernetesConnectionExpressions.ConnectionString(connector, KubernetesConnectorHostMode.Publish).ToManifestExpression());
    }

    [Fact]
    public void Token_method_without_a_token_for_k3d_style_clusters()
    {
        Assert.Equal(
            "Server=https://kube-prod.example.test;AuthMethod=token",
            KubernetesConnectionExpressions.ConnectionString(Prod, KubernetesConnectorHostMode.Run).ToManifestExpression());
    }

    [Fact]
    public void Token_method_with_a_client_certificate_and_key()
    {
        var connector = Prod.WithClientCertificate();

        Assert.Equal(
            "Server=https://kube-prod.example.test;AuthMethod=token;ClientCertificateData={kube-prod-client-certificate.value};ClientKeyData={kube-prod-client-key.value}",
            KubernetesConnectionExpressions.ConnectionString(connector, KubernetesConnectorHostMode.Publish).ToManifestExpression());
    }

    [Fact]
    public void Password_method_drops_the_token_method_fields()
    {
        var connector = Prod.WithTokenAuth().WithClientCertificate().WithPasswordAuth();

        Assert.Equal(
            "Server=https://kube-prod.example.test;AuthMethod=password;Username={kube-prod-username.value};Password={kube-prod-password.value}",
            KubernetesConnectionExpressions.ConnectionString(connector, KubernetesConnectorHostMode.Publish).ToManifestExpression());
    }

    [Fact]
    public void Explicit_parameters_win_over_the_naming_convention()
    {
        var connector = Prod.WithPasswordAuth("ops-user", "ops-password");

        Assert.Equal(
            [new KubernetesConnectorParameter("ops-user", true), new KubernetesConnectorParameter("ops-password", true)],
            connector.GetParameters(KubernetesConnectorHostMode.Run));
    }

    [Fact]
    public void Literal_settings_are_quoted_as_the_runtime_parser_expects_and_round_trip()
    {
        var connector = Prod.WithTokenAuth() with
        {
            ClusterName = "prod;eu=1",
            Namespace = "ml",
            TlsServerName = "api.kube-prod.example.test",
            InsecureSkipTlsVerify = true,
            ExpiresAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
        };

        var expression = KubernetesConnectionExpressions.ConnectionString(connector, KubernetesConnectorHostMode.Run);
        var text = expression.Evaluate(part => part.Text == "kube-prod-token" ? "abc.def" : throw new InvalidOperationException(part.Text));
        var parsed = KubernetesConnectionString.Parse("kube-prod", text);

        Assert.Contains("ClusterName=\"prod;eu=1\"", text, StringComparison.Ordinal);
        Assert.Equal("prod;eu=1", parsed.ClusterName);
        Assert.Equal("abc.def", parsed.Token?.Reveal());
        Assert.True(parsed.InsecureSkipTlsVerify);
        Assert.Equal("api.kube-prod.example.test", parsed.TlsServerName);
        Assert.Equal("ml", parsed.Namespace);
        Assert.Equal(connector.ExpiresAt, parsed.ExpiresAt);
    }

    [Fact]
    public void Properties_carry_raw_values_one_per_key()
    {
        var connector = Prod.WithTokenAuth() with { ClusterName = "prod;eu" };

        var properties = KubernetesConnectionExpressions.Properties(connector, KubernetesConnectorHostMode.Publish)
            .ToDictionary(p => p.Key, p => p.Value.ToManifestExpression());

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Server"] = "https://kube-prod.example.test",
                ["ClusterName"] = "prod;eu",
                ["AuthMethod"] = "token",
                ["Token"] = "{kube-prod-token.value}",
            },
            properties);
    }

    [Fact]
    public void Certificate_files_are_read_at_start_in_run_mode_and_inlined_in_publish_mode_but_a_key_file_becomes_a_parameter()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "ca.crt"), TestPems.CaPem);
        File.WriteAllText(Path.Combine(directory.Path, "client.crt"), TestPems.ClientCertificatePem);
        File.WriteAllText(Path.Combine(directory.Path, "client.key"), TestPems.ClientKeyPem);
        var connector = KubernetesAppHostConnector.Create("kube-prod", directory.Path) with { Server = "https://kube-prod.example.test" };
        connector = connector
            .WithCertificateAuthority(KubernetesConnectorInput.Material("ca.crt"))
            .WithClientCertificate(KubernetesConnectorInput.Material("client.crt"), KubernetesConnectorInput.Material("client.key"));

        var run = KubernetesConnectionExpressions.ConnectionString(connector, KubernetesConnectorHostMode.Run);
        Assert.Equal(
            ["CertificateAuthorityData", "ClientCertificateData", "ClientKeyData"],
            run.Parts.Where(p => p.Kind == KubernetesExpressionPartKind.Resolved).Select(p => p.Text));
        Assert.Throws<InvalidOperationException>(() => run.ToManifestExpression());

        var published = KubernetesConnectionExpressions.ConnectionString(connector, KubernetesConnectorHostMode.Publish).ToManifestExpression();
        var published64 = published.Split(';').Single(p => p.StartsWith("CertificateAuthorityData=", StringComparison.Ordinal))["CertificateAuthorityData=".Length..].Trim('"'); // quoted when the base64 ends in "="
        Assert.Equal(TestPems.CaPem.Trim(), System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(published64)).Trim());
        Assert.Contains("ClientKeyData={kube-prod-client-key.value}", published, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", published, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPems.Base64(TestPems.ClientKeyPem)[..40], published, StringComparison.Ordinal);
        Assert.Contains(new KubernetesConnectorParameter("kube-prod-client-key", true), connector.GetParameters(KubernetesConnectorHostMode.Publish));
        Assert.DoesNotContain(new KubernetesConnectorParameter("kube-prod-client-key", true), connector.GetParameters(KubernetesConnectorHostMode.Run));
    }

    [Fact]
    public void Unreadable_material_is_a_coded_error_at_publish()
    {
        var connector = Prod.WithCertificateAuthority(KubernetesConnectorInput.Material("missing/ca.crt"));

        var error = Assert.Throws<KubernetesConnectorException>(() => KubernetesConnectionExpressions.ConnectionString(connector, KubernetesConnectorHostMode.Publish));
        Assert.Equal("KC4108", error.Code);
    }

    [Fact]
    public void An_auto_configured_connector_is_resolved_at_start_in_run_mode()
    {
        var connector = KubernetesAppHostConnector.Create("kube-dev").WithAutoConfigure(new KubernetesAutoConfigureRequest("kind-dev"));

        var expression = KubernetesConnectionExpressions.ConnectionString(connector, KubernetesConnectorHostMode.Run);
        var part = Assert.Single(expression.Parts);
        Assert.Equal(KubernetesExpressionPart.Resolved(KubernetesConnectionExpressions.ConnectionStringKey), part);
        Assert.Empty(connector.GetParameters(KubernetesConnectorHostMode.Run));
        Assert.Equal(KubernetesConnectorKeys.All, KubernetesConnectionExpressions.Properties(connector, KubernetesConnectorHostMode.Run).Select(p => p.Key));
    }

    [Fact]
    public void Once_started_an_auto_configured_connector_lists_only_the_keys_it_has()
    {
        var connector = KubernetesAppHostConnector.Create("kube-dev").WithAutoConfigure(new KubernetesAutoConfigureRequest());
        var started = new KubernetesConnectorSpec { Name = "kube-dev", Server = "https://127.0.0.1:6443", TokenFile = "/tmp/x.token" };

        Assert.Equal(
            ["Server", "AuthMethod", "TokenFile"],
            KubernetesConnectionExpressions.Properties(connector, KubernetesConnectorHostMode.Run, started).Select(p => p.Key));
    }
}
