using Connectors.Kubernetes.Hosting.Tests.Support;

namespace Connectors.Kubernetes.Hosting.Tests.Core;

/// <summary>The app-host declaration: naming convention, shared rules with hosting codes, no secret in it.</summary>
public sealed class AppHostConnectorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("1kube")]
    [InlineData("kube-")]
    [InlineData("kube--prod")]
    [InlineData("kube_prod")]
    public void Invalid_names_are_refused_with_KC4001(string name)
    {
        var error = Assert.Throws<KubernetesConnectorException>(() => KubernetesAppHostConnector.Create(name));
        Assert.Equal("KC4001", error.Code);
    }

    [Fact]
    public void The_naming_convention_names_every_secret_parameter()
    {
        var connector = KubernetesAppHostConnector.Create("kube-prod").WithTokenAuth().WithCertificateAuthority().WithClientCertificate();

        Assert.Equal(
            ["kube-prod-token", "kube-prod-certificate-authority", "kube-prod-client-certificate", "kube-prod-client-key"],
            connector.GetParameters(KubernetesConnectorHostMode.Run).Select(p => p.Name));
        Assert.Equal(
            ["kube-prod-username", "kube-prod-password", "kube-prod-certificate-authority"],
            connector.WithPasswordAuth().GetParameters(KubernetesConnectorHostMode.Run).Select(p => p.Name));
    }

    [Fact]
    public void A_valid_declaration_has_no_errors_and_the_password_method_is_warned()
    {
        var token = (KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test" }).WithTokenAuth();
        Assert.Empty(token.Validate());

        var password = token.WithPasswordAuth();
        var warning = Assert.Single(password.Validate());
        Assert.Equal("KC4007", warning.Code);
        Assert.Equal(KubernetesDiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Shared_rules_report_with_hosting_codes()
    {
        var noServer = KubernetesAppHostConnector.Create("kube-prod");
        Assert.Contains(noServer.Validate(), d => d.Code == "KC4002");
        Assert.DoesNotContain(noServer.WithAutoConfigure(new KubernetesAutoConfigureRequest()).Validate(), d => d.Code == "KC4002");

        var insecureWithCaParameter = (noServer with { Server = "https://kube-prod.example.test", InsecureSkipTlsVerify = true }).WithCertificateAuthority();
        Assert.Contains(insecureWithCaParameter.Validate(), d => d.Code == "KC4013");
    }

    [Fact]
    public void An_inline_client_key_is_refused_so_no_secret_sits_in_a_declaration()
    {
        var connector = (KubernetesAppHostConnector.Create("kube-prod") with { Server = "https://kube-prod.example.test" })
            .WithClientCertificate(KubernetesConnectorInput.Material(TestPems.ClientCertificatePem), KubernetesConnectorInput.Material(TestPems.ClientKeyPem));

        var problem = Assert.Single(connector.Validate(), d => d.Code == "KC4017");
        Assert.DoesNotContain("PRIVATE KEY", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", connector.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_item_becomes_a_declaration_with_convention_parameters_and_its_material()
    {
        var token = KubernetesAppHostConnector.FromProjectItem("kube-prod", "https://kube-prod.example.test", "token", "prod", "ml", certificateAuthority: "certs/ca.crt", baseDirectory: "/src/App/");
        Assert.Equal(KubernetesConnectorInput.Parameter("kube-prod-token"), token.Token);
        Assert.Equal(KubernetesConnectorInput.Material("certs/ca.crt"), token.CertificateAuthority);
        Assert.Equal(("prod", "ml", "/src/App/"), (token.ClusterName, token.Namespace, token.BaseDirectory));

        var certificate = KubernetesAppHostConnector.FromProjectItem("kube-cert", "https://cert.example.test", clientCertificate: "certs/client.crt", clientKeyPath: "certs/client.key");
        Assert.Null(certificate.Token);
        Assert.Equal(KubernetesConnectorInput.Material("certs/client.key"), certificate.ClientKey);

        var password = KubernetesAppHostConnector.FromProjectItem("kube-basic", "https://basic.example.test", "Password");
        Assert.Equal(["kube-basic-username", "kube-basic-password"], password.GetParameters(KubernetesConnectorHostMode.Run).Select(p => p.Name));

        var auto = KubernetesAppHostConnector.FromProjectItem("kube-dev", autoConfigure: true, context: "kind-dev", @namespace: "jobs");
        Assert.Equal(new KubernetesAutoConfigureRequest("kind-dev"), auto.AutoConfigure);
        Assert.Equal("jobs", auto.Namespace);

        Assert.Equal("KC4005", Assert.Throws<KubernetesConnectorException>(() => KubernetesAppHostConnector.FromProjectItem("kube-x", "https://x.example.test", "oidc")).Code);
    }
}
