using Connectors.Kubernetes.Build.Tests.Infrastructure;

namespace Connectors.Kubernetes.Build.Tests.Checks;

/// <summary>Metadata only project files have: AutoConfigure, Default, Labels, Context and Kubeconfig.</summary>
public sealed class ItemValueTests : IDisposable
{
    private readonly TaskHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private FakeBuildEngine Run(string items) => _harness.Run(items, checkSecrets: false, checkKubeconfig: false);

    [Fact]
    public void Non_boolean_AutoConfigure_and_Default_are_errors_at_the_attribute()
    {
        var engine = Run("""<KubernetesConnector Include="k" Server="https://k.example.test" Default="yes" />""");
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("KC2111", 3, 66), (error.Code, error.LineNumber, error.ColumnNumber));
        Assert.Contains("Default is 'yes'", error.Message);
        Assert.Equal(["KC2111"], Run("""<KubernetesConnector Include="k" AutoConfigure="1" />""").Codes.Where(c => c == "KC2111"));
    }

    [Theory]
    [InlineData("team=ml;env=prod", null)]
    [InlineData("team=ml, env=", null)]
    [InlineData("team", "has 'team', which is not key=value")]
    [InlineData("=ml", "has '=ml', which is not key=value")]
    [InlineData("team=ml;team=ops", "sets 'team' twice")]
    public void Labels_must_be_key_value_pairs(string labels, string? problem)
    {
        var engine = Run($"""<KubernetesConnector Include="k" Server="https://k.example.test" Labels="{labels}" />""");
        if (problem is null)
        {
            Assert.Empty(engine.Lines);
        }
        else
        {
            var error = Assert.Single(engine.Errors);
            Assert.Equal("KC2112", error.Code);
            Assert.Contains(problem, error.Message);
        }
    }

    [Fact]
    public void Context_without_AutoConfigure_is_a_warning_that_it_is_ignored()
    {
        var engine = Run("""<KubernetesConnector Include="k" Server="https://k.example.test" Context="kind-dev" Kubeconfig="k.yaml" />""");
        Assert.Equal(["KC2113", "KC2113"], engine.Codes);
        Assert.Empty(Run("""<KubernetesConnector Include="k" AutoConfigure="true" Context="kind-dev" />""").Lines);
    }

    [Fact]
    public void Only_one_connector_can_be_the_default()
    {
        var engine = Run("""
                <KubernetesConnector Include="a" AutoConfigure="true" Default="true" />
                <KubernetesConnector Include="b" AutoConfigure="true" Default="false" />
                <KubernetesConnector Include="c" AutoConfigure="true" Default="True" />
            """);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("KC2114", 5), (error.Code, error.LineNumber));
        Assert.Contains("'a' already is", error.Message);
    }
}
