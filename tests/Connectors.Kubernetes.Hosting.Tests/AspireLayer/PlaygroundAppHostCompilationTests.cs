using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Connectors.Kubernetes.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Connectors.Kubernetes.Hosting.Tests.AspireLayer;

/// <summary>
/// <c>playground/Connectors.Playground.AppHost</c> cannot be restored here (no Aspire packages), so it is not in the
/// solution. Its Program.cs is compiled as its real build would compile it: against the Aspire stand-in, with the
/// layer the generator emits, the global usings the Aspire SDK adds and the <c>Projects.*</c> classes Aspire's build
/// writes for each <c>ProjectReference</c> of its project file (same naming rule), so a renamed component, a wrong
/// <c>Projects</c> name or an API drift in the layer breaks this test.
/// </summary>
public sealed partial class PlaygroundAppHostCompilationTests
{
    private static readonly string AppHostDirectory = Path.Combine(RepositoryRoot(), "playground", "Connectors.Playground.AppHost");

    [Fact]
    public void The_app_host_references_the_playground_components_as_resources_and_the_hosting_package_as_a_library()
    {
        var references = ProjectReferences();

        Assert.All(references, r => Assert.True(File.Exists(r.Path), $"{r.Path} does not exist"));
        var resources = references.Where(r => r.IsResource).Select(r => Path.GetRelativePath(AppHostDirectory, r.Path).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["../Connectors.Playground.ModelDeployer/Connectors.Playground.ModelDeployer.csproj", "../Connectors.Playground.Orchestrator/Connectors.Playground.Orchestrator.csproj"],
            resources);

        // Aspire starts each resource as a process, so each must be an executable.
        Assert.All(references.Where(r => r.IsResource), r =>
            Assert.Equal("Exe", XDocument.Load(r.Path).Descendants("OutputType").Single().Value));
        Assert.Contains(references, r => !r.IsResource && r.Path.EndsWith("Connectors.Kubernetes.Hosting.csproj", StringComparison.Ordinal));

        // Not part of the offline build: no solution entry, and the SDK is Aspire's.
        Assert.DoesNotContain("Connectors.Playground.AppHost", File.ReadAllText(Path.Combine(RepositoryRoot(), "Connectors.sln")), StringComparison.Ordinal);
        Assert.StartsWith("Aspire.AppHost.Sdk/13.", XDocument.Load(ProjectFile()).Root!.Attribute("Sdk")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Program_compiles_against_the_stand_in_and_hands_the_connector_to_both_components()
    {
        var output = Generate(AppHostCompilation(), out var generated);

        Assert.Equal(["KubernetesConnectorAspireLayer.g.cs"], generated);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // Each WithReference is Aspire's connection-string overload, given the connector resource.
        var program = output.SyntaxTrees.Single(t => t.FilePath == "Program.cs");
        var model = output.GetSemanticModel(program);
        var references = program.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "WithReference" })
            .ToList();
        Assert.Equal(2, references.Count);
        Assert.All(references, invocation =>
        {
            var method = ((IMethodSymbol)model.GetSymbolInfo(invocation).Symbol!).ReducedFrom!;
            Assert.Equal("Aspire.Hosting.ResourceBuilderExtensions", method.ContainingType.ToDisplayString());
            Assert.Equal("Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.IResourceWithConnectionString>", method.Parameters[1].Type.ToDisplayString());
            var argument = model.GetTypeInfo(invocation.ArgumentList.Arguments[0].Expression).Type!;
            Assert.Equal("Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.KubernetesConnectorResource>", argument.ToDisplayString());
        });
    }

    [Fact]
    public void Without_the_generated_layer_the_app_host_does_not_compile()
    {
        // The control for the test above: AddKubernetesConnector comes only from the generator.
        var errors = AppHostCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.Contains(errors, d => d.Id == "CS1061" && d.GetMessage().Contains("AddKubernetesConnector", StringComparison.Ordinal));
    }

    private static CSharpCompilation AppHostCompilation()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = LayerCompilationTests.Compile(File.ReadAllText(Path.Combine(AppHostDirectory, "Program.cs")), withAspire: true);
        return compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(GlobalUsings, parse, "GlobalUsings.g.cs"),
            CSharpSyntaxTree.ParseText(ProjectsClasses(), parse, "Projects.g.cs"));
    }

    /// <summary>The implicit usings of Microsoft.NET.Sdk (ImplicitUsings is on in this repository) and those Aspire.Hosting.AppHost's props add.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Aspire.Hosting;
        global using Aspire.Hosting.ApplicationModel;
        """;

    /// <summary>
    /// What Aspire's build writes for each resource <c>ProjectReference</c>: <c>Projects.{name}</c> implementing
    /// <c>IProjectMetadata</c>, the name being the project file's name with every non-word character (and a digit
    /// starting a dotted part) replaced by <c>_</c>.
    /// </summary>
    private static string ProjectsClasses()
    {
        var source = new StringBuilder("namespace Projects\n{\n");
        foreach (var reference in ProjectReferences().Where(r => r.IsResource))
        {
            var name = ClassNameFixup().Replace(Path.GetFileNameWithoutExtension(reference.Path), "_");
            source.Append("    public class ").Append(name).Append(" : global::Aspire.Hosting.IProjectMetadata\n    {\n")
                  .Append("        public string ProjectPath => @\"").Append(reference.Path.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\";\n")
                  .Append("        public bool SuppressBuild => true;\n    }\n");
        }

        return source.Append("}\n").ToString();
    }

    private static Compilation Generate(CSharpCompilation compilation, out string[] generated)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new KubernetesConnectorGenerator().AsSourceGenerator()], parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        generated = [.. driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName)];
        return output;
    }

    private static List<(string Path, bool IsResource)> ProjectReferences() =>
        [.. XDocument.Load(ProjectFile()).Descendants("ProjectReference").Select(r => (
            Path.GetFullPath(Path.Combine(AppHostDirectory, r.Attribute("Include")!.Value)),
            !string.Equals(r.Attribute("IsAspireProjectResource")?.Value, "false", StringComparison.OrdinalIgnoreCase)))];

    private static string ProjectFile() => Path.Combine(AppHostDirectory, "Connectors.Playground.AppHost.csproj");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Connectors.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Connectors.sln not found above " + AppContext.BaseDirectory);
    }

    // Aspire.Hosting.AppHost.targets' _GeneratedClassNameFixupRegex (13.1 and 13.5 alike).
    [GeneratedRegex(@"(((?<=\.)|^)(?=\d)|\W)")]
    private static partial Regex ClassNameFixup();
}
