using Connectors.Kubernetes.Generators.Tests.Infrastructure;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>Generated sources compared with checked-in golden files (UPDATE_SNAPSHOTS=1 rewrites them).</summary>
public sealed class GoldenFileTests
{
    [Fact]
    public void Component()
    {
        var outcome = Samples.Component("kube-auto", "kube-prod", "gke-eu-1").Run();

        Assert.Empty(outcome.Diagnostics);
        Snapshots.Verify(outcome.Sources);
    }

    [Fact]
    public void ComponentWithoutHostingOrClient()
    {
        var outcome = (Samples.Component("kube-auto") with { References = TestReferences.Framework }).Run();

        Assert.Equal(new[] { "KC3008", "KC3008" }, outcome.DiagnosticIds);
        Snapshots.Verify(outcome.Sources);
    }

    [Fact]
    public void AppHost()
    {
        var outcome = Samples.AppHost(Samples.KubeProd, Samples.KubeDev, Samples.KubeBasic).Run();

        Assert.Empty(outcome.Diagnostics);
        Snapshots.Verify(outcome.Sources);
    }

    [Fact]
    public void AspireAppHost()
    {
        var outcome = (Samples.AppHost(Samples.KubeProd, Samples.KubeDev) with { Sources = [Samples.AspireBuilder] }).Run();

        Assert.Empty(outcome.Diagnostics);
        Snapshots.Verify(outcome.Sources);
    }

    [Fact]
    public void AspireAppHostWithoutDeclarations()
    {
        var outcome = new TestProject { References = TestReferences.Framework, Sources = [Samples.AspireBuilder] }.Run();

        Assert.Empty(outcome.Diagnostics);
        Snapshots.Verify(outcome.Sources);
    }

    [Fact]
    public void NamespaceOverride()
    {
        var outcome = (Samples.Component("kube-auto") with
        {
            DeclaredManifest = Manifest.Declared(Samples.KubeDev),
            Properties = new TestProject().Properties.Add("build_property.KubernetesConnectorsNamespace", "Contoso.Orchestrator"),
        }).Run();

        Assert.Empty(outcome.Diagnostics);
        Snapshots.Verify(outcome.Sources);
    }

    [Fact]
    public void NothingIsGeneratedWithoutConnectorItems()
    {
        var outcome = new TestProject { Sources = ["class C { }"], OtherAdditionalFiles = [("/src/App/notes.txt", "Name=kube-prod")] }.Run();

        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(outcome.Sources);
    }
}
