using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using BenchmarkDotNet.Attributes;
using Connectors.Kubernetes.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Connectors.Benchmarks.Generators;

/// <summary>
/// The source generator on a project with 1,000 declared and 1,000 required connectors (an Aspire app
/// host that is also a component: every output is generated). Goals (issue 6): the first run under
/// 50 ms; an unrelated edit regenerates nothing (checked in <see cref="Setup"/>, timed by
/// <see cref="UnrelatedEdit"/>).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Connectors = 1000;
    private CSharpParseOptions _parseOptions = null!;

    /// <summary>
    /// How the compiler parses doc comments, generated ones included: <c>None</c> in a project without
    /// <c>GenerateDocumentationFile</c> (most app hosts and services), <c>Diagnose</c> with it.
    /// </summary>
    [Params(DocumentationMode.None, DocumentationMode.Diagnose)]
    public DocumentationMode Docs { get; set; }

    private ImmutableArray<AdditionalText> _texts;
    private AnalyzerConfigOptionsProvider _options = null!;
    private SyntaxTree[] _trees = null!;
    private MetadataReference[] _references = null!;
    private SyntaxTree _unrelated = null!;
    private GeneratorDriver _warm = null!;
    private Compilation _warmCompilation = null!;
    private Compilation _boundCompilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parseOptions = new CSharpParseOptions(LanguageVersion.Latest, Docs);
        var declared = new StringBuilder("# KubernetesConnector items\n");
        var required = new StringBuilder("# KubernetesConnectorReference items\n");
        for (var i = 0; i < Connectors; i++)
        {
            declared.Append("Name=kube-").Append(i).Append(" Occurrences=1 Server=https%3A%2F%2Fkube-").Append(i)
                .Append(".example.test AuthMethod=token Namespace=ml Labels=team%3Dml%3Benv%3Dprod\n");
            required.Append("Name=kube-").Append(i).Append(" Occurrences=1\n");
        }

        _texts = ImmutableArray.Create<AdditionalText>(
            new Text("/bench/obj/App.KubernetesConnectors.declared.txt", declared.ToString()),
            new Text("/bench/obj/App.KubernetesConnectors.required.txt", required.ToString()));
        _options = new Options();
        _trees =
        [
            CSharpSyntaxTree.ParseText("namespace Aspire.Hosting { public interface IDistributedApplicationBuilder { } }", _parseOptions),
            CSharpSyntaxTree.ParseText("namespace App { public static class Program { public static void Main() { } } }", _parseOptions),
        ];
        _references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
        _unrelated = CSharpSyntaxTree.ParseText("namespace App { public class Edited { } }", _parseOptions);

        _boundCompilation = NewCompilation();
        _ = _boundCompilation.GetTypeByMetadataName("System.Object"); // binds the references once
        _warmCompilation = NewCompilation();
        _warm = NewDriver(track: false).RunGenerators(_warmCompilation);
        var tracked = NewDriver(track: true).RunGenerators(_warmCompilation);
        var first = tracked.GetRunResult().Results.Single();
        if (first.GeneratedSources.Length != 4 || first.Diagnostics.Length != 0)
        {
            throw new InvalidOperationException($"Expected 4 sources and no diagnostic, got {first.GeneratedSources.Length} and {first.Diagnostics.Length}.");
        }

        var edited = tracked.RunGenerators(_warmCompilation.AddSyntaxTrees(_unrelated)).GetRunResult().Results.Single();
        var regenerated = edited.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs)
            .Count(output => output.Reason != IncrementalStepRunReason.Cached);
        if (regenerated != 0)
        {
            throw new InvalidOperationException($"An unrelated edit regenerated {regenerated} output(s).");
        }
    }

    /// <summary>
    /// A fresh driver on a compilation whose references the compiler has already bound (it binds them
    /// anyway; a generator's first type lookup only triggers it earlier): the generator's own cost.
    /// </summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver FirstRun() => NewDriver(track: false).RunGenerators(_boundCompilation.AddSyntaxTrees());

    /// <summary>A fresh driver and a fresh compilation: also pays the compiler's reference binding.</summary>
    [Benchmark]
    public GeneratorDriver FirstRunWithReferenceBinding() => NewDriver(track: false).RunGenerators(NewCompilation());

    /// <summary>The warmed driver after a source edit that touches no connector item.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_warmCompilation.AddSyntaxTrees(_unrelated));

    private Compilation NewCompilation() => CSharpCompilation.Create(
        "App",
        _trees,
        _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private GeneratorDriver NewDriver(bool track) => CSharpGeneratorDriver.Create(
        [new KubernetesConnectorGenerator().AsSourceGenerator()],
        _texts,
        _parseOptions,
        _options,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Values Global = new(new Dictionary<string, string> { ["build_property.ProjectDir"] = "/bench/" });
        private static readonly Values None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.KubernetesConnectorItems"] = textFile.Path.EndsWith("declared.txt", StringComparison.Ordinal) ? "Declared" : "Required",
        });
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
