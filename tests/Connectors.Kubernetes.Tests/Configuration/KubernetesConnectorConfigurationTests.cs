using Microsoft.Extensions.Configuration;

namespace Connectors.Kubernetes.Tests.Configuration;

public sealed class KubernetesConnectorConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_section_binds_every_key_ignoring_case()
    {
        var configuration = Config(
            ("Connectors:Kubernetes:kube-prod:server", "https://kube-prod.example.test"),
            ("Connectors:Kubernetes:kube-prod:Token", "abc"),
            ("Connectors:Kubernetes:kube-prod:namespace", "ml"),
            ("Connectors:Kubernetes:kube-prod:InsecureSkipTlsVerify", "true"));
        var spec = KubernetesConnectorConfiguration.Load(configuration, "kube-prod");
        Assert.Equal("https://kube-prod.example.test", spec.Server);
        Assert.Equal("abc", spec.Token!.Reveal());
        Assert.Equal("ml", spec.Namespace);
        Assert.True(spec.InsecureSkipTlsVerify);
        Assert.Equal(new KubernetesValueSource(KubernetesValueOrigin.Configuration, "Connectors:Kubernetes:kube-prod:Token"), spec.Sources["Token"]);
    }

    [Fact]
    public void The_connection_string_overrides_the_section_key_by_key()
    {
        var configuration = Config(
            ("Connectors:Kubernetes:kube-prod:Server", "https://old.example.test"),
            ("Connectors:Kubernetes:kube-prod:Namespace", "ml"),
            ("ConnectionStrings:kube-prod", "Server=https://kube-prod.example.test;Token=abc"));
        var spec = KubernetesConnectorConfiguration.Load(configuration, "kube-prod");
        Assert.Equal("https://kube-prod.example.test", spec.Server);
        Assert.Equal("ml", spec.Namespace);
        Assert.Equal(KubernetesValueOrigin.ConnectionString, spec.Sources["Server"].Origin);
        Assert.Equal(KubernetesValueOrigin.Configuration, spec.Sources["Namespace"].Origin);
        Assert.True(KubernetesConnectorConfiguration.Exists(configuration, "kube-prod"));
    }

    [Fact]
    public void An_unknown_section_key_names_its_path_and_the_valid_keys()
    {
        var configuration = Config(("Connectors:Kubernetes:kube-prod:Server", "https://k.example.test"), ("Connectors:Kubernetes:kube-prod:Cert", "x"));
        var e = Assert.Throws<KubernetesConnectorException>(() => KubernetesConnectorConfiguration.Load(configuration, "kube-prod"));
        Assert.Equal("KC1102", e.Code);
        Assert.Contains("'Cert'", e.Message);
        Assert.Contains("Connectors:Kubernetes:kube-prod", e.Message);
        Assert.Contains("CertificateAuthorityData", e.Message);
    }

    [Fact]
    public void A_connector_that_is_not_configured_is_KC1104_naming_both_places()
    {
        var e = Assert.Throws<KubernetesConnectorException>(() => KubernetesConnectorConfiguration.Load(Config(), "kube-prod"));
        Assert.Equal("KC1104", e.Code);
        Assert.Contains("ConnectionStrings:kube-prod", e.Message);
        Assert.Contains("Connectors:Kubernetes:kube-prod", e.Message);
        Assert.False(KubernetesConnectorConfiguration.Exists(Config(), "kube-prod"));
    }

    [Fact]
    public void A_section_value_of_the_wrong_form_gets_the_shared_rule_code()
    {
        var configuration = Config(("Connectors:Kubernetes:k:Server", "https://k.example.test"), ("Connectors:Kubernetes:k:AuthMethod", "oidc"));
        var e = Assert.Throws<KubernetesConnectorException>(() => KubernetesConnectorConfiguration.Load(configuration, "k"));
        Assert.Equal("KC1005", e.Code);
        Assert.Contains("Connectors:Kubernetes:k:AuthMethod", e.Message);
    }
}
