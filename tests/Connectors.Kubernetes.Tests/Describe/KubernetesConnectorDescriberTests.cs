using Connectors.Kubernetes.Describe;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Support;

namespace Connectors.Kubernetes.Tests.Describe;

public sealed class KubernetesConnectorDescriberTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static KubernetesConnectorSpec Spec() => new()
    {
        Name = "kube-auto",
        Server = "https://35.175.95.223",
        Token = new SecretValue("token-value-123"),
        Namespace = "ml",
        ExpiresAt = Now.AddHours(2).AddMinutes(13),
        Labels = new Dictionary<string, string> { ["team"] = "ml", ["env"] = "prod" },
        Exec = new KubernetesExecConfig { Command = "gke-gcloud-auth-plugin", ApiVersion = "client.authentication.k8s.io/v1", Environment = [new("CLOUDSDK_TOKEN", "env-secret")] },
    };

    private static string Render(KubernetesConnectorSpec spec, bool showSecrets) =>
        KubernetesConnectorDescriber.Describe(spec, showSecrets, new FixedClock(Now)).ToText();

    [Fact]
    public void The_description_matches_the_snapshot() => Snapshot.Match("Describe/token-connector.txt", Render(Spec(), showSecrets: false));

    [Fact]
    public void The_description_with_secrets_matches_the_snapshot() =>
        Snapshot.Match("Describe/password-connector-show-secrets.txt", Render(new KubernetesConnectorSpec
        {
            Name = "kube-basic",
            Server = "https://kube-basic.example.test:6443",
            ClusterName = "basic",
            AuthMethod = KubernetesAuthMethod.Password,
            Username = new SecretValue("admin"),
            Password = new SecretValue("pa55word"),
            InsecureSkipTlsVerify = true,
        }, showSecrets: true));

    [Fact]
    public void Secrets_are_hidden_unless_requested()
    {
        var spec = Spec() with { ClientCertificateData = TestCertificates.Default.ClientCertificatePem, ClientKeyData = new SecretValue(TestCertificates.Default.ClientKeyPem) };
        var hidden = Render(spec, showSecrets: false);
        Assert.DoesNotContain("token-value-123", hidden);
        Assert.DoesNotContain("PRIVATE KEY", hidden);
        Assert.DoesNotContain("env-secret", hidden);
        Assert.Equal(2, hidden.Split("[HIDDEN]").Length - 1);
        var shown = Render(spec, showSecrets: true);
        Assert.Contains("token-value-123", shown);
        Assert.Contains("PRIVATE KEY", shown);
        Assert.DoesNotContain("[HIDDEN]", shown);
    }

    [Fact]
    public void Rows_carry_their_sources_and_secret_flags()
    {
        var spec = Spec() with { Sources = new Dictionary<string, KubernetesValueSource> { ["Token"] = new(KubernetesValueOrigin.ExecPlugin, "gke-gcloud-auth-plugin") } };
        var token = Assert.Single(KubernetesConnectorDescriber.Describe(spec).Configuration, r => r.Name == "token");
        Assert.True(token.IsSecret);
        Assert.Equal(KubernetesValueOrigin.ExecPlugin, token.Source!.Origin);
    }

    [Fact]
    public void Certificates_are_summarized_by_subject()
    {
        var description = KubernetesConnectorDescriber.Describe(Spec() with { CertificateAuthorityData = TestCertificates.Default.CaPem });
        var row = Assert.Single(description.Configuration, r => r.Name == "certificate_authority");
        Assert.StartsWith("CN=connectors-test-ca (until ", row.Value);
    }

    [Theory]
    [InlineData(null, "N/A")]
    [InlineData(-1.0, "expired")]
    [InlineData(0.0, "expired")]
    [InlineData(12.0 / 3600, "12s")]
    [InlineData(45.2 / 60, "45m12s")]
    [InlineData(2 + (13.0 / 60), "2h13m")]
    [InlineData(26.0, "1d2h")]
    public void Expires_in_is_humanized(double? hours, string expected) =>
        Assert.Equal(expected, KubernetesConnectorDescriber.ExpiresIn(hours is null ? null : Now.AddSeconds(Math.Round(hours.Value * 3600)), Now));

    [Fact]
    public void Tables_grow_with_their_widest_cell_and_split_lines()
    {
        var text = TextTable.Render(["A", "B"], [["x", "long value"], ["two\nlines", "y"]]);
        Assert.Equal(
            "┌───────┬────────────┐\n" +
            "│ A     │ B          │\n" +
            "├───────┼────────────┤\n" +
            "│ x     │ long value │\n" +
            "│ two   │ y          │\n" +
            "│ lines │            │\n" +
            "└───────┴────────────┘\n",
            text);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
