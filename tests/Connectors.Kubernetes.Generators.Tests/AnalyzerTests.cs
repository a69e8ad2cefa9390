using System.Collections.Immutable;
using Connectors.Kubernetes.Generators.Diagnostics;
using Connectors.Kubernetes.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>KC3010: keyed Kubernetes clients asked for by a name that is none of the project's connectors.</summary>
public sealed class AnalyzerTests
{
    private const string Usings = """
        using k8s;
        using Microsoft.Extensions.DependencyInjection;
        """;

    [Fact]
    public void UnknownNameInAKeyedLookupIsKC3010AtTheLiteral()
    {
        var diagnostics = Analyze(Usings + """
            public static class Use
            {
                public static IKubernetes Typo(System.IServiceProvider services) => services.GetRequiredKeyedService<IKubernetes>("kube-prd");
                public static IKubernetes? Case(System.IServiceProvider services) => services.GetKeyedService<IKubernetes>("Kube-Prod");
                public static IKubernetes Right(System.IServiceProvider services) => services.GetRequiredKeyedService<IKubernetes>("kube-prod");
                public static string? Other(System.IServiceProvider services) => services.GetKeyedService<string>("kube-prd");
            }
            """);

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("KC3010", d.Id));
        Assert.Equal("\"kube-prd\"", diagnostics[0].Location.SourceTree!.GetText().ToString(diagnostics[0].Location.SourceSpan));
        Assert.Contains("'kube-prd' is not a Kubernetes connector of this project (it has: kube-auto, kube-prod)", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Kube-Prod'", diagnostics[1].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownNameInFromKeyedServicesIsKC3010()
    {
        var diagnostics = Analyze(Usings + """
            public sealed class Deployer([FromKeyedServices("kube-dev")] IKubernetes dev, [FromKeyedServices("kube-auto")] IKubernetes auto)
            {
                public Deployer([FromKeyedServices(Names.Wrong)] IKubernetes client) : this(client, client) { }
                public object Both => (dev, auto);
            }

            public static class Names
            {
                public const string Wrong = "kube-wrong";
            }
            """);

        Assert.Equal(new[] { "'kube-dev'", "'kube-wrong'" }, diagnostics.Select(d => d.GetMessage().Split(' ')[0]).ToArray());
    }

    [Fact]
    public void GeneratedConstantsAndProjectsWithoutConnectorItemsAreLeftAlone()
    {
        const string source = Usings + """
            public static class Use
            {
                public static IKubernetes A(System.IServiceProvider services) => services.GetRequiredKeyedService<IKubernetes>("anything");
            }
            """;

        Assert.Empty(Analyze(source, withManifests: false));
    }

    private static ImmutableArray<Diagnostic> Analyze(string source, bool withManifests = true)
    {
        var project = withManifests
            ? Samples.Component("kube-auto") with { DeclaredManifest = Manifest.Declared(Samples.KubeProd), Sources = [source] }
            : new TestProject { Sources = [source] };
        var compilation = project.CreateCompilation();
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new KeyedConnectorNameAnalyzer()), new AnalyzerOptions(project.AdditionalTexts(), project.OptionsProvider()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }
}
