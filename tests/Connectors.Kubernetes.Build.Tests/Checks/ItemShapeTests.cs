using Connectors.Kubernetes.Build.Tests.Infrastructure;

namespace Connectors.Kubernetes.Build.Tests.Checks;

/// <summary>Duplicate names, secrets written into the project file, unknown metadata.</summary>
public sealed class ItemShapeTests : IDisposable
{
    private readonly TaskHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Duplicate_name_is_an_error_at_the_second_declaration_naming_the_first()
    {
        var engine = _harness.Run("""
                <KubernetesConnector Include="kube-prod" AutoConfigure="true" />
                <KubernetesConnector Include="KUBE-PROD" AutoConfigure="true" />
            """, checkKubeconfig: false);

        var error = Assert.Single(engine.Errors);
        Assert.Equal("KC2101", error.Code);
        Assert.Equal((4, 5), (error.LineNumber, error.ColumnNumber));
        Assert.Contains("'KUBE-PROD' is declared more than once", error.Message);
        Assert.Contains("app.csproj(3,5)", error.Message);
    }

    [Fact]
    public void Duplicate_name_in_one_Include_points_at_that_element()
    {
        var engine = _harness.Run("""
                <KubernetesConnector Include="a" AutoConfigure="true" />
                <KubernetesConnector Include="b;a" AutoConfigure="true" />
            """, checkKubeconfig: false);

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("KC2101", 4), (error.Code, error.LineNumber));
    }

    [Theory]
    [InlineData("Token")]
    [InlineData("Password")]
    [InlineData("Username")]
    [InlineData("ClientKeyData")]
    public void Secret_metadata_is_an_error_at_the_attribute_and_never_repeats_the_value(string metadata)
    {
        const string canary = "canary-7f3a9d1e-secret";
        var engine = _harness.Run($"""
                <KubernetesConnector Include="kube-prod" Server="https://kube-prod.example.test" {metadata}="{canary}" />
            """, checkSecrets: false);

        var error = Assert.Single(engine.Errors, e => e.Code == "KC2017");
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(86, error.ColumnNumber);
        Assert.Contains("kube-prod-", error.Message);
        Assert.DoesNotContain(engine.Codes, code => code == "KC2109");
        Assert.DoesNotContain(engine.Lines, line => line.Contains(canary, StringComparison.Ordinal));
    }

    [Fact]
    public void Inline_client_key_is_an_error_but_a_path_is_fine()
    {
        var engine = _harness.Run("""
                <KubernetesConnector Include="inline" Server="https://a.example.test" ClientCertificate="certs/client.crt" ClientKey="-----BEGIN PRIVATE KEY-----MIIEvQ-----END PRIVATE KEY-----" />
                <KubernetesConnector Include="path" Server="https://b.example.test" ClientCertificate="certs/client.crt" ClientKey="certs/client.key" />
            """, checkSecrets: false);

        var error = Assert.Single(engine.Errors, e => e.Code == "KC2017");
        Assert.Contains("'inline'", error.Message);
        Assert.DoesNotContain("MIIEvQ", error.Message);
    }

    [Fact]
    public void Unknown_metadata_is_a_warning_at_the_attribute()
    {
        var engine = _harness.Run("""
                <KubernetesConnector Include="kube-dev" AutoConfigure="true" Contxt="kind-dev" />
            """, checkKubeconfig: false);

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("KC2109", 3, 66), (warning.Code, warning.LineNumber, warning.ColumnNumber));
        Assert.Contains("'Contxt'", warning.Message);
    }

    [Fact]
    public void Metadata_written_as_child_elements_is_located_at_the_child()
    {
        var engine = _harness.Run("""
                <KubernetesConnector Include="kube-dev">
                  <AutoConfigure>true</AutoConfigure>
                  <Sever>x</Sever>
                </KubernetesConnector>
            """, checkKubeconfig: false);

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("KC2109", 5, 7), (warning.Code, warning.LineNumber, warning.ColumnNumber));
    }

    [Fact]
    public void No_items_log_nothing()
    {
        var engine = _harness.Run(string.Empty);
        Assert.Empty(engine.Lines);
    }
}
