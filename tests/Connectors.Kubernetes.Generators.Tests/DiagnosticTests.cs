using Connectors.Kubernetes.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>Every KC3xxx the generator reports: the code, the severity, the message, and what is (not) generated.</summary>
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("kube_prod", "the name contains '_'")]
    [InlineData("1kube", "the name must start with an ASCII letter")]
    [InlineData("kube--prod", "the name contains '--'")]
    [InlineData("kube-", "the name must not end with '-'")]
    public void InvalidNameIsKC3001AndIsNotGenerated(string name, string reason)
    {
        var outcome = Samples.Component("kube-auto", name).Run();

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("KC3001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains($"The KubernetesConnectorReference item '{name}' has an invalid connector name: {reason}", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"" + name + "\"", outcome.Sources["KubernetesConnectors.g.cs"], StringComparison.Ordinal);
        Assert.Contains("KubeAuto", outcome.Sources["KubernetesConnectors.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateNamesAreKC3002CountedCaseInsensitivelyAndGeneratedOnce()
    {
        // MSBuild merges identical items into one line with a count; case variants are separate lines.
        var outcome = Samples.AppHost(
            Samples.KubeDev.Times(2),
            Manifest.Token("kube-prod", "https://a.example.test"),
            Manifest.Token("Kube-Prod", "https://b.example.test")).Run();

        Assert.Equal(new[] { "KC3002", "KC3002" }, outcome.DiagnosticIds);
        Assert.Contains("'kube-dev' appears in 2 KubernetesConnector items", outcome.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'kube-prod' appears in 2 KubernetesConnector items", outcome.Diagnostics[1].GetMessage(), StringComparison.Ordinal);
        var declarations = outcome.Sources["KubernetesConnectorDeclarations.g.cs"];
        Assert.Contains("https://a.example.test", declarations, StringComparison.Ordinal);
        Assert.DoesNotContain("https://b.example.test", declarations, StringComparison.Ordinal);
        Assert.Empty(outcome.CompileProblems);
    }

    [Fact]
    public void IdentifierCollisionIsKC3003AndResolvedBySuffixWhateverTheOrder()
    {
        var forward = Samples.Component("kube-auto", "kubeAuto", "all").Run();
        var backward = Samples.Component("all", "kubeAuto", "kube-auto").Run();

        foreach (var outcome in new[] { forward, backward })
        {
            Assert.Equal(new[] { "KC3003", "KC3003" }, outcome.DiagnosticIds.Order());
            Assert.All(outcome.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
            var source = outcome.Sources["KubernetesConnectors.g.cs"];
            Assert.Contains("public const string KubeAuto = \"kube-auto\";", source, StringComparison.Ordinal);
            Assert.Contains("public const string KubeAuto_2 = \"kubeAuto\";", source, StringComparison.Ordinal);
            Assert.Contains("public const string All_2 = \"all\";", source, StringComparison.Ordinal);
            Assert.DoesNotContain(outcome.CompileProblems, d => d.Id != "CS1061");
        }

        Assert.Contains(forward.Diagnostics, d => d.GetMessage().Contains("The connector name 'kubeAuto' maps to the C# identifier 'KubeAuto', already used by the connector 'kube-auto'; it is generated as 'KubeAuto_2'", StringComparison.Ordinal));
        Assert.Contains(forward.Diagnostics, d => d.GetMessage().Contains("'all' maps to the C# identifier 'All', already used by a generated member", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AuthMethod", "Server", "Add Server=\"https://kube-x.example.test\"")]
    [InlineData("Server", "AuthMethod", "Add AuthMethod=\"token\"")]
    public void MissingRequiredMetadataIsKC3004(string present, string missing, string fix)
    {
        var outcome = Samples.AppHost(Manifest.Of("kube-x", (present, present == "Server" ? "https://kube-x.example.test" : "token"))).Run();

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("KC3004", diagnostic.Id);
        Assert.Contains($"The KubernetesConnector item 'kube-x' has no {missing} metadata. {fix}", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void AutoConfiguredDeclarationNeedsNeitherServerNorAuthMethod()
    {
        var outcome = Samples.AppHost(Manifest.Of("kube-dev", ("AutoConfigure", "TRUE"))).Run();

        Assert.Empty(outcome.Diagnostics);
        Assert.Contains("autoConfigure: true", outcome.Sources["KubernetesConnectorDeclarations.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAuthMethodIsKC3005()
    {
        var outcome = Samples.AppHost(Manifest.Token("kube-x", "https://kube-x.example.test", ("AuthMethod", "oidc"))).Run();

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("KC3005", diagnostic.Id);
        Assert.Contains("AuthMethod=\"oidc\"; use \"token\" or \"password\"", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InsecureSkipTlsVerify", "yes", "'yes' is not 'true' or 'false'")]
    [InlineData("Default", "1", "'1' is not 'true' or 'false'")]
    [InlineData("Labels", "team", "'team' is not a key=value pair")]
    [InlineData("Labels", "a=1;a=2", "the key 'a' appears more than once")]
    [InlineData("ExpiresAt", "next tuesday", "'next tuesday' is not a date and time")]
    public void InvalidMetadataValueIsKC3006(string metadata, string value, string reason)
    {
        var outcome = Samples.AppHost(Manifest.Token("kube-x", "https://kube-x.example.test", (metadata, value))).Run();

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("KC3006", diagnostic.Id);
        Assert.Contains($"The KubernetesConnector item 'kube-x' has an invalid {metadata} value: {reason}", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ALineMSBuildCouldNotEncodeIsKC3006()
    {
        var manifest = Manifest.Declared(Manifest.Token("kube-x", "https://kube-x.example.test")) + "Name=kube-y Occurrences=1 Labels=$([System.Uri]::EscapeDataString('a=1 b=2'))\n";
        var outcome = new TestProject { DeclaredManifest = manifest, References = TestReferences.Framework }.Run();

        Assert.Contains(outcome.Diagnostics, d => d.Id == "KC3006" && d.GetMessage().Contains("a value could not be passed to the compiler", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5nTcJ2d7K4X\n-----END EC PRIVATE KEY-----")]
    [InlineData("LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSUJrZzRMVldNOW51d05TazN5Qnl4WnBZUlRCblZKazVuVGNKMmQ3SzRYCg==")]
    public void InlineClientKeyIsKC3007AndNeverReachesGeneratedCode(string key)
    {
        var outcome = Samples.AppHost(Manifest.Token("kube-x", "https://kube-x.example.test", ("ClientKey", key)), Samples.KubeDev).Run();

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("KC3007", diagnostic.Id);
        Assert.DoesNotContain("MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5nTcJ2d7K4X", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.All(outcome.Sources.Values, source =>
        {
            Assert.DoesNotContain("MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5nTcJ2d7K4X", source, StringComparison.Ordinal);
            Assert.DoesNotContain("LS0tLS1CRUdJTi", source, StringComparison.Ordinal);
            Assert.DoesNotContain("kube-x", source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void MissingHostingAndClientReferencesAreKC3008Warnings()
    {
        var outcome = (Samples.Component("kube-auto") with { References = TestReferences.Framework }).Run();

        Assert.Equal(new[] { "KC3008", "KC3008" }, outcome.DiagnosticIds);
        Assert.All(outcome.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("AddKubernetesConnectors() cannot be generated: the project does not reference 'Microsoft.Extensions.Hosting.IHostApplicationBuilder'", outcome.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'k8s.IKubernetes'", outcome.Diagnostics[1].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(outcome.CompileProblems);
    }

    [Fact]
    public void OldLanguageVersionIsKC3009AndNothingIsGeneratedForTheComponent()
    {
        // One source file of the component's own, whose parse options carry the old language version (the
        // connector-interface stand-in is absent once the runtime defines IKubernetesConnector).
        var project = Samples.Component("kube-auto") with { Sources = [.. Samples.ConnectorInterfaceIfMissing, "internal static class ComponentCode { }"] };
        var compilation = project.CreateCompilation();
        var old = compilation.WithOptions(compilation.Options).RemoveAllSyntaxTrees()
            .AddSyntaxTrees(compilation.SyntaxTrees.Select(tree => tree.WithRootAndOptions(tree.GetRoot(), TestProject.ParseOptions.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3))));
        var driver = project.CreateDriver(project.AdditionalTexts()).RunGeneratorsAndUpdateCompilation(old, out var output, out var diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("KC3009", diagnostic.Id);
        Assert.Contains("compiles with C# 7.3 and they need C# 8 or later", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is not null);
    }

    [Fact]
    public void EveryReportedCodeIsDocumented()
    {
        var documentation = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));
        foreach (var id in new[] { "KC3001", "KC3002", "KC3003", "KC3004", "KC3005", "KC3006", "KC3007", "KC3008", "KC3009", "KC3010" })
        {
            Assert.Contains("### " + id, documentation, StringComparison.Ordinal);
            Assert.Equal(id, Diagnostics.DiagnosticDescriptors.ById(id).Id);
        }
    }
}
