using Connectors.Kubernetes.Build.Tests.Infrastructure;

namespace Connectors.Kubernetes.Build.Tests.Checks;

/// <summary>
/// The shared declaration validator runs on every item; rule N is reported as KC2000+N at the attribute
/// the rule is about. The rules themselves are tested with the shared code; these tests prove the
/// mapping: code, severity, location, and what a build cannot know being left out.
/// </summary>
public sealed class DeclarationRuleTests : IDisposable
{
    private readonly TaskHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private FakeBuildEngine Run(string items) => _harness.Run(items, checkSecrets: false, checkKubeconfig: false);

    [Fact]
    public void Invalid_name_is_KC2001_at_the_element()
    {
        var error = Assert.Single(Run("""<KubernetesConnector Include="kube--prod" Server="https://kube-prod.example.test" />""").Errors);
        Assert.Equal(("KC2001", 3, 1), (error.Code, error.LineNumber, error.ColumnNumber));
        Assert.StartsWith("Connector 'kube--prod': ", error.Message);
        Assert.Contains("'--'", error.Message);
    }

    [Fact]
    public void Missing_server_is_KC2002_unless_auto_configured()
    {
        var engine = Run("""
                <KubernetesConnector Include="kube-prod" AuthMethod="token" />
                <KubernetesConnector Include="kube-dev" AutoConfigure="true" />
            """);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("KC2002", 3), (error.Code, error.LineNumber));
    }

    [Fact]
    public void Malformed_server_is_KC2003_at_the_Server_attribute()
    {
        var error = Assert.Single(Run("""<KubernetesConnector Include="kube-prod" Server="kube-prod.example.test" />""").Errors);
        Assert.Equal(("KC2003", 3, 42), (error.Code, error.LineNumber, error.ColumnNumber));
    }

    [Fact]
    public void Plain_http_server_is_warning_KC2004()
    {
        var engine = Run("""<KubernetesConnector Include="kube-prod" Server="http://kube-prod.example.test" />""");
        Assert.Empty(engine.Errors);
        Assert.Equal("KC2004", Assert.Single(engine.Warnings).Code);
    }

    [Fact]
    public void Password_method_is_warning_KC2007_not_for_production_at_AuthMethod()
    {
        var engine = Run("""<KubernetesConnector Include="kube-basic" Server="https://kube-basic.example.test" AuthMethod="password" />""");
        Assert.Empty(engine.Errors); // username and password are parameters the build cannot see
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("KC2007", 3, 84), (warning.Code, warning.LineNumber, warning.ColumnNumber));
        Assert.Contains("production", warning.Message);
    }

    [Fact]
    public void Unknown_auth_method_is_KC2005()
    {
        Assert.Equal(["KC2005"], Run("""<KubernetesConnector Include="k" Server="https://k.example.test" AuthMethod="oidc" />""").Codes);
    }

    [Fact]
    public void Certificate_authority_with_insecure_is_KC2013_and_unreadable_CA_is_KC2009()
    {
        var engine = Run("""<KubernetesConnector Include="k" Server="https://k.example.test" CertificateAuthority="certs/missing-ca.crt" InsecureSkipTlsVerify="true" />""");
        Assert.Equal(["KC2009", "KC2013"], engine.Codes.Order());
        Assert.Contains(engine.Errors, e => e.Code == "KC2013" && e.ColumnNumber == 110);
    }

    [Fact]
    public void Certificate_authority_file_relative_to_the_project_is_read()
    {
        _harness.Directory.Write("certs/ca.crt", Credentials.CertificatePem(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)));
        Assert.Empty(Run("""<KubernetesConnector Include="k" Server="https://k.example.test" CertificateAuthority="certs/ca.crt" />""").Lines);
    }

    [Fact]
    public void Client_certificate_without_key_is_KC2008()
    {
        _harness.Directory.Write("certs/client.crt", Credentials.CertificatePem(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)));
        Assert.Contains("KC2008", Run("""<KubernetesConnector Include="k" Server="https://k.example.test" ClientCertificate="certs/client.crt" />""").Codes);
    }

    [Fact]
    public void Bad_boolean_expiry_and_namespace_are_each_reported()
    {
        var engine = Run("""<KubernetesConnector Include="k" Server="https://k.example.test" InsecureSkipTlsVerify="yes" ExpiresAt="soon" Namespace="ML_Team" />""");
        Assert.Equal(["KC2015", "KC2016", "KC2020"], engine.Codes.Order());
    }

    [Fact]
    public void Expired_ExpiresAt_is_KC2014()
    {
        var engine = Run("""<KubernetesConnector Include="k" Server="https://k.example.test" ExpiresAt="2026-01-01T00:00:00Z" />""");
        Assert.Contains("KC2014", engine.Codes);
    }

    [Fact]
    public void Valid_declaration_is_quiet()
    {
        Assert.Empty(Run("""<KubernetesConnector Include="kube-prod" Server="https://kube-prod.example.test:6443" AuthMethod="token" ClusterName="prod" Namespace="ml" TlsServerName="kube-prod.example.test" ExpiresAt="2030-01-01T00:00:00Z" Labels="team=ml;env=prod" Default="true" />""").Lines);
    }
}
