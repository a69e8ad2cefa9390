using System.Xml.Linq;
using Connectors.Kubernetes.Generators.Parsing;
using Connectors.Kubernetes.Generators.Tests.Infrastructure;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>The build props/targets and the generator agree on names (the real-build test proves they work together).</summary>
public sealed class BuildFilesContractTests
{
    private static readonly string BuildDirectory = Path.Combine(RepositoryPaths.Root, "src", "Connectors.Kubernetes", "build");

    [Fact]
    public void PropsMakeTheManifestKindAndNamespacePropertyCompilerVisible()
    {
        var props = XDocument.Load(Path.Combine(BuildDirectory, "Connectors.Kubernetes.props"));

        Assert.Contains(props.Descendants("CompilerVisibleItemMetadata"), e =>
            (string?)e.Attribute("Include") == "AdditionalFiles" && (string?)e.Attribute("MetadataName") == ConnectorManifestFormat.KindMetadata);
        Assert.Contains(props.Descendants("CompilerVisibleProperty"), e =>
            "build_property." + (string?)e.Attribute("Include") == ConnectorManifestFormat.NamespaceProperty);
    }

    [Fact]
    public void TargetsWriteEveryFieldTheGeneratorReadsAndNothingElse()
    {
        var targets = XDocument.Load(Path.Combine(BuildDirectory, "Connectors.Kubernetes.targets"));
        var line = (string)targets.Descendants("_KubernetesConnectorDeclaredLine").Single(e => e.Attribute("Include") is not null).Attribute("Include")!;
        var keys = System.Text.RegularExpressions.Regex.Matches(line, @"(?:^| )(\w+)=").Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(new[] { ConnectorManifestFormat.Name, ConnectorManifestFormat.Occurrences }.Concat(ConnectorManifestFormat.DeclaredMetadata), keys);
        Assert.DoesNotContain(keys, key => key.Contains("Token", StringComparison.OrdinalIgnoreCase) || key.Contains("Password", StringComparison.OrdinalIgnoreCase) || key.Contains("Username", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(targets.Descendants("AdditionalFiles"), e => (string?)e.Attribute(ConnectorManifestFormat.KindMetadata) == ConnectorManifestFormat.DeclaredKind);
        Assert.Contains(targets.Descendants("AdditionalFiles"), e => (string?)e.Attribute(ConnectorManifestFormat.KindMetadata) == ConnectorManifestFormat.RequiredKind);
    }

    [Fact]
    public void TheRuntimePackagePacksTheGeneratorAndTheBuildFiles()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Connectors.Kubernetes", "Connectors.Kubernetes.csproj"));
        var packed = project.Descendants("None").Where(e => (string?)e.Attribute("Pack") == "true").ToArray();

        Assert.Contains(packed, e => ((string)e.Attribute("Include")!).EndsWith("Connectors.Kubernetes.Generators.dll", StringComparison.Ordinal)
            && (string?)e.Attribute("PackagePath") == "analyzers/dotnet/cs");
        Assert.Contains(packed, e => ((string)e.Attribute("Include")!).Contains("build/Connectors.Kubernetes.targets", StringComparison.Ordinal)
            && (string?)e.Attribute("PackagePath") == "build/;buildTransitive/");
    }
}
