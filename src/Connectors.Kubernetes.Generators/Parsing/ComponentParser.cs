using System.Collections.Generic;
using Connectors.Kubernetes.Generators.Common;
using Connectors.Kubernetes.Generators.Diagnostics;
using Connectors.Kubernetes.Generators.Model;

namespace Connectors.Kubernetes.Generators.Parsing;

/// <summary>Turns a component's <c>KubernetesConnectorReference</c> items into the model of its generated surface.</summary>
internal static class ComponentParser
{
    /// <summary>The MSBuild item type named in diagnostics.</summary>
    public const string ItemType = "KubernetesConnectorReference";

    /// <summary>Builds the component model; <see langword="null"/> model when the project requires no connector.</summary>
    public static ParseResult<ComponentModel> Parse(EquatableArray<ConnectorManifest> manifests, GeneratorOptions options, CompilationCapabilities capabilities)
    {
        var required = new List<ConnectorItem>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var manifest in manifests)
        {
            if (manifest.Kind == ConnectorItemKind.Required)
            {
                required.AddRange(manifest.Items);
                diagnostics.AddRange(manifest.Diagnostics);
            }
        }

        if (required.Count == 0)
        {
            return new ParseResult<ComponentModel>(null, EquatableArray<DiagnosticInfo>.From(diagnostics));
        }

        var resolved = ConnectorNameResolver.Resolve(required, ItemType, diagnostics);
        var identities = new List<ConnectorIdentity>(resolved.Count);
        foreach (var (_, identity) in resolved)
        {
            identities.Add(identity);
        }

        if (!capabilities.SupportsGeneratedCode)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooOld, capabilities.LanguageVersion));
            return new ParseResult<ComponentModel>(null, EquatableArray<DiagnosticInfo>.From(diagnostics));
        }

        if (!capabilities.HasHostApplicationBuilder)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingDependency, "AddKubernetesConnectors()", CompilationCapabilities.HostApplicationBuilderType));
        }

        if (!capabilities.HasKubernetesClient)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingDependency, "The typed client accessors", CompilationCapabilities.KubernetesClientType));
        }
        else if (!capabilities.HasKeyedServices)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingDependency, "The typed client accessors", CompilationCapabilities.KeyedServicesType));
        }

        var model = identities.Count == 0
            ? null
            : new ComponentModel(
                options.ComponentNamespace,
                EquatableArray<ConnectorIdentity>.From(identities),
                EmitRegistration: capabilities.HasHostApplicationBuilder,
                EmitClientAccessors: capabilities.HasKubernetesClient && capabilities.HasKeyedServices,
                EmitConnectorAccessors: capabilities.HasConnectorInterface && capabilities.HasKeyedServices);
        return new ParseResult<ComponentModel>(model, EquatableArray<DiagnosticInfo>.From(diagnostics));
    }
}
