using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Connectors.Kubernetes.Generators.Tests.Infrastructure;

/// <summary>
/// A project as the compiler sees it: sources, references, the connector manifests the build targets
/// would write (with the KubernetesConnectorItems metadata the props make visible) and MSBuild properties.
/// </summary>
internal sealed record TestProject
{
    public const string DeclaredPath = "/src/App/obj/App.KubernetesConnectors.declared.txt";
    public const string RequiredPath = "/src/App/obj/App.KubernetesConnectors.required.txt";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public string? DeclaredManifest { get; init; }

    public string? RequiredManifest { get; init; }

    public ImmutableArray<string> Sources { get; init; } = ImmutableArray<string>.Empty;

    public IReadOnlyList<MetadataReference> References { get; init; } = TestReferences.Component;

    public ImmutableDictionary<string, string> Properties { get; init; } =
        ImmutableDictionary<string, string>.Empty.Add("build_property.ProjectDir", "/src/App/");

    /// <summary>Additional files that are not ours (paths and texts).</summary>
    public ImmutableArray<(string Path, string Text)> OtherAdditionalFiles { get; init; } = ImmutableArray<(string, string)>.Empty;

    public CSharpCompilation CreateCompilation() => CSharpCompilation.Create(
        "TestProject",
        Sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "/src/App/Source" + i + ".cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public ImmutableArray<AdditionalText> AdditionalTexts()
    {
        var texts = ImmutableArray.CreateBuilder<AdditionalText>();
        if (DeclaredManifest is not null)
        {
            texts.Add(new InMemoryAdditionalText(DeclaredPath, DeclaredManifest));
        }

        if (RequiredManifest is not null)
        {
            texts.Add(new InMemoryAdditionalText(RequiredPath, RequiredManifest));
        }

        foreach (var (path, text) in OtherAdditionalFiles)
        {
            texts.Add(new InMemoryAdditionalText(path, text));
        }

        return texts.ToImmutable();
    }

    public AnalyzerConfigOptionsProvider OptionsProvider() => new TestAnalyzerConfigOptionsProvider(
        Properties,
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [DeclaredPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.KubernetesConnectorItems"] = "Declared" },
            [RequiredPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.KubernetesConnectorItems"] = "Required" },
        });

    public GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> texts) => CSharpGeneratorDriver.Create(
        new[] { new KubernetesConnectorGenerator().AsSourceGenerator() },
        texts,
        ParseOptions,
        OptionsProvider(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public GeneratorOutcome Run()
    {
        var compilation = CreateCompilation();
        var texts = AdditionalTexts();
        var driver = CreateDriver(texts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorOutcome(driver, compilation, output, diagnostics, texts);
    }
}

/// <summary>One generator run: the driver (for further runs), the input and output compilations, the diagnostics.</summary>
internal sealed record GeneratorOutcome(GeneratorDriver Driver, Compilation Input, Compilation Output, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<AdditionalText> Texts)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources => Result.Results
        .SelectMany(result => result.GeneratedSources)
        .ToDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Every error and warning of the output compilation (generated code included).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems => Output.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToArray();

    public IReadOnlyList<string> DiagnosticIds => Diagnostics.Select(d => d.Id).ToArray();
}
