using System.Text.Json;
using Connectors.Kubernetes.Hosting.Tests.Support;

namespace Connectors.Kubernetes.Hosting.Tests.Core;

/// <summary>The publish manifest: Aspire's connection-string form, parameters as secret inputs, no secret values.</summary>
public sealed class ManifestTests
{
    [Fact]
    public void A_token_connector_with_a_ca_matches_the_golden_manifest()
    {
        var connector = KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test", Namespace = "ml" };

        Snapshot.Match("Manifest/kube-prod.json", KubernetesConnectorManifest.Render(connector.WithTokenAuth().WithCertificateAuthority()));
    }

    [Fact]
    public void An_auto_configured_connector_matches_the_golden_manifest()
    {
        var connector = KubernetesAppHostConnector.Create("kube-dev").WithAutoConfigure(new KubernetesAutoConfigureRequest("kind-dev"));

        Snapshot.Match("Manifest/kube-dev.json", KubernetesConnectorManifest.Render(connector));
    }

    [Fact]
    public void Every_parameter_the_connection_string_references_is_declared_and_secrets_are_marked()
    {
        var connector = (KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test" }).WithPasswordAuth();

        using var manifest = JsonDocument.Parse(KubernetesConnectorManifest.Render(connector));
        var resources = manifest.RootElement.GetProperty("resources");
        var connectionString = resources.GetProperty("kube-prod").GetProperty("connectionString").GetString()!;
        foreach (var name in new[] { "kube-prod-username", "kube-prod-password" })
        {
            Assert.Contains("{" + name + ".value}", connectionString, StringComparison.Ordinal);
            var parameter = resources.GetProperty(name);
            Assert.Equal("parameter.v0", parameter.GetProperty("type").GetString());
            Assert.Equal("{" + name + ".inputs.value}", parameter.GetProperty("value").GetString());
            Assert.True(parameter.GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
        }
    }

    [Fact]
    public void A_declaration_breaking_a_shared_rule_cannot_be_published()
    {
        var connector = (KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test", InsecureSkipTlsVerify = true })
            .WithCertificateAuthority(KubernetesConnectorInput.Material(TestPems.CaPem));

        var error = Assert.Throws<KubernetesConnectorException>(() => KubernetesConnectorManifest.Render(connector));
        Assert.Equal("KC4109", error.Code);
        Assert.Contains("KC4013", error.Message, StringComparison.Ordinal);
    }
}
