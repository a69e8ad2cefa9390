using System.Collections.Immutable;
using Connectors.Kubernetes.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>
/// The driver runs twice with step tracking: after an edit that touches no connector item, every
/// tracked step is Cached or Unchanged and no output is regenerated.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] ModelSteps =
    {
        TrackingNames.AllItems, TrackingNames.Options, TrackingNames.Capabilities, TrackingNames.Component,
        TrackingNames.AppHost, TrackingNames.DeclarationType, TrackingNames.AspireLayer,
    };

    private static TestProject Project => Samples.Component("kube-auto", "kube-prod") with
    {
        DeclaredManifest = Manifest.Declared(Samples.KubeProd, Samples.KubeDev),
        Sources = [.. Samples.ConnectorInterfaceIfMissing, Samples.AspireBuilder, "namespace App { public class Worker { } }"],
    };

    [Fact]
    public void EditingAnUnrelatedSourceFileRegeneratesNothing()
    {
        var first = Project.Run();
        Assert.Equal(4, first.Sources.Count);
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { public class Other { } }", TestProject.ParseOptions));

        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second, ModelSteps);
        AssertNoOutputRegenerated(second);
    }

    [Fact]
    public void AddingAnUnrelatedAdditionalFileRegeneratesNothing()
    {
        var first = Project.Run();

        var driver = first.Driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/src/App/appsettings.json", "{}")));
        var second = driver.RunGenerators(first.Input).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second, ModelSteps);
        AssertNoOutputRegenerated(second);
    }

    [Fact]
    public void ChangingADeclarationLeavesTheComponentSurfaceAndDeclarationTypeCached()
    {
        var first = Project.Run();
        var project = Project with { DeclaredManifest = Manifest.Declared(Samples.KubeProd.With(("Namespace", "serving")), Samples.KubeDev) };

        var driver = ReplaceDeclared(first, project);
        var second = driver.RunGenerators(first.Input).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second, TrackingNames.Component, TrackingNames.DeclarationType);
        Assert.Contains(second.TrackedSteps[TrackingNames.AppHost].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        var regenerated = second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs)
            .Count(output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(2, regenerated); // the declarations and the Aspire layer, nothing else
        Assert.Contains("@namespace: \"serving\"", second.GeneratedSources.Single(s => s.HintName == "KubernetesConnectorDeclarations.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RewritingAManifestWithTheSameItemsRegeneratesNothing()
    {
        var first = Project.Run();

        var second = ReplaceDeclared(first, Project).RunGenerators(first.Input).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second, TrackingNames.AllItems, TrackingNames.Component, TrackingNames.AppHost, TrackingNames.AspireLayer);
        AssertNoOutputRegenerated(second);
    }

    // What a build does when the targets rewrite the manifest: a new text at the same path.
    private static GeneratorDriver ReplaceDeclared(GeneratorOutcome first, TestProject project) =>
        first.Driver.ReplaceAdditionalText(
            first.Texts.Single(text => text.Path == TestProject.DeclaredPath),
            project.AdditionalTexts().Single(text => text.Path == TestProject.DeclaredPath));

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result, params string[] steps)
    {
        foreach (var name in steps)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var runs), "step " + name + " did not run");
            foreach (var output in runs.SelectMany(run => run.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} produced a {output.Reason} output");
            }
        }
    }

    private static void AssertNoOutputRegenerated(GeneratorRunResult result)
    {
        var reasons = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }
}
