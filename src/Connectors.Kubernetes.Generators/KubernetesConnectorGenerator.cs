using System.Collections.Immutable;
using Connectors.Kubernetes.Generators.Common;
using Connectors.Kubernetes.Generators.Emitting;
using Connectors.Kubernetes.Generators.Model;
using Connectors.Kubernetes.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Connectors.Kubernetes.Generators;

/// <summary>
/// Turns a project's <c>KubernetesConnector</c> and <c>KubernetesConnectorReference</c> items (made
/// visible to the compiler by the package's build files) into strongly typed C#: typed declarations in
/// an app host, connector names, registration and typed client accessors in a component, and the
/// Aspire-facing layer in an Aspire app host.
/// </summary>
/// <remarks>
/// Every step produces an equatable model (no symbol, syntax node or compilation), so an edit that
/// changes no connector item and no referenced assembly leaves every step cached and emits nothing new.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class KubernetesConnectorGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var items = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) =>
                pair.Right.GetOptions(pair.Left).TryGetValue(ConnectorManifestFormat.KindOption, out var option) &&
                ConnectorManifestReader.KindOf(option) is { } kind
                    ? ConnectorManifestReader.Read(kind, pair.Left.GetText(cancellationToken))
                    : null)
            .WithTrackingName(TrackingNames.Items)
            .Where(static manifest => manifest is not null)
            .Select(static (manifest, _) => manifest!)
            .Collect()
            .Select(static (manifests, _) => InKindOrder(manifests))
            .WithTrackingName(TrackingNames.AllItems);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var capabilities = context.CompilationProvider
            .Select(static (compilation, _) => ReadCapabilities(compilation))
            .WithTrackingName(TrackingNames.Capabilities);

        var component = items.Combine(options).Combine(capabilities)
            .Select(static (input, _) => ComponentParser.Parse(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Component);

        var appHost = items.Combine(options)
            .Select(static (input, _) => AppHostParser.Parse(input.Left, input.Right))
            .WithTrackingName(TrackingNames.AppHost);

        var declarationType = appHost
            .Select(static (result, _) => result.Model?.Namespace)
            .WithTrackingName(TrackingNames.DeclarationType);

        var aspireLayer = appHost.Combine(options).Combine(capabilities)
            .Select(static (input, _) => input.Right.HasAspireHosting
                ? new AspireLayerModel(
                    input.Left.Right.AppHostNamespace,
                    input.Left.Left.Model is not null,
                    input.Left.Left.Model?.Connectors ?? EquatableArray<DeclaredConnector>.Empty)
                : null)
            .WithTrackingName(TrackingNames.AspireLayer);

        context.RegisterSourceOutput(component, static (spc, result) =>
        {
            Report(spc, result.Diagnostics);
            if (result.Model is { } model)
            {
                spc.AddSource(HintNames.Component, ComponentEmitter.Emit(model));
            }
        });

        context.RegisterSourceOutput(appHost, static (spc, result) =>
        {
            Report(spc, result.Diagnostics);
            if (result.Model is { } model)
            {
                spc.AddSource(HintNames.Declarations, DeclarationsEmitter.Emit(model));
            }
        });

        context.RegisterSourceOutput(declarationType, static (spc, ns) =>
        {
            if (ns is not null)
            {
                spc.AddSource(HintNames.DeclarationType, DeclarationTypeEmitter.Emit(ns));
            }
        });

        context.RegisterSourceOutput(aspireLayer, static (spc, model) =>
        {
            if (model is not null)
            {
                spc.AddSource(HintNames.AspireLayer, AspireLayerEmitter.Emit(model));
            }
        });
    }

    // Additional files arrive in whatever order the host lists them; the kind is what matters.
    private static EquatableArray<ConnectorManifest> InKindOrder(ImmutableArray<ConnectorManifest> manifests)
    {
        // OrderBy is stable: two manifests of one kind keep their relative order.
        return new EquatableArray<ConnectorManifest>(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.OrderBy(manifests, static manifest => manifest.Kind)));
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptions global)
    {
        var ns = global.TryGetValue(ConnectorManifestFormat.NamespaceProperty, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        var projectDir = global.TryGetValue(ConnectorManifestFormat.ProjectDirProperty, out var dir) && dir.Length > 0 ? dir : null;
        return new GeneratorOptions(ns, projectDir);
    }

    private static CompilationCapabilities ReadCapabilities(Compilation compilation) => new(
        compilation.GetTypeByMetadataName(CompilationCapabilities.HostApplicationBuilderType) is not null,
        compilation.GetTypeByMetadataName(CompilationCapabilities.KeyedServicesType) is not null,
        compilation.GetTypeByMetadataName(CompilationCapabilities.KubernetesClientType) is not null,
        compilation.GetTypeByMetadataName(CompilationCapabilities.ConnectorInterfaceType) is not null,
        compilation.GetTypeByMetadataName(CompilationCapabilities.AspireBuilderType) is not null,
        compilation is CSharpCompilation csharp ? csharp.LanguageVersion.ToDisplayString() : "latest",
        compilation is not CSharpCompilation old || old.LanguageVersion >= LanguageVersion.CSharp8);

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
