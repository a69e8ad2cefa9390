using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Connectors.Kubernetes.Generators.Model;
using Connectors.Kubernetes.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Connectors.Kubernetes.Generators.Diagnostics;

/// <summary>
/// KC3010: a keyed <c>k8s.IKubernetes</c> or <c>IKubernetesConnector</c> asked for by a constant name that is
/// none of the project's connectors (<c>GetRequiredKeyedService&lt;IKubernetes&gt;("kube-prd")</c>,
/// <c>[FromKeyedServices("kube-prd")] IKubernetes client</c>). Such a lookup can only fail at run time.
/// </summary>
/// <remarks>
/// The analyzer has an opinion only in projects with connector items (the same manifests the generator
/// reads); keys compare ordinally, as keyed services do.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyedConnectorNameAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> KeyedLookups = new(StringComparer.Ordinal)
    {
        "GetKeyedService", "GetRequiredKeyedService", "GetKeyedServices",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownKeyedConnector);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        var names = KnownNames(context.Options, context.CancellationToken);
        if (names is null)
        {
            return;
        }

        var connectorTypes = new List<INamedTypeSymbol>(2);
        foreach (var metadataName in new[] { CompilationCapabilities.KubernetesClientType, CompilationCapabilities.ConnectorInterfaceType })
        {
            if (context.Compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                connectorTypes.Add(type);
            }
        }

        if (connectorTypes.Count == 0)
        {
            return;
        }

        var fromKeyedServices = context.Compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");
        var known = string.Join(", ", Sorted(names));
        bool IsConnectorType(ITypeSymbol? type) =>
            type is not null && connectorTypes.Exists(candidate => SymbolEqualityComparer.Default.Equals(candidate, type));

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                var method = invocation.TargetMethod;
                if (!KeyedLookups.Contains(method.Name) || method.TypeArguments.Length != 1 || !IsConnectorType(method.TypeArguments[0]))
                {
                    return;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "serviceKey")
                    {
                        Check(operation.ReportDiagnostic, argument.Value, names, known);
                    }
                }
            },
            OperationKind.Invocation);

        if (fromKeyedServices is null)
        {
            return;
        }

        context.RegisterSyntaxNodeAction(
            node =>
            {
                var attribute = (AttributeSyntax)node.Node;
                if (attribute.ArgumentList is not { Arguments.Count: > 0 } arguments ||
                    attribute.Parent?.Parent is not ParameterSyntax parameter ||
                    parameter.Type is null ||
                    !IsConnectorType(node.SemanticModel.GetTypeInfo(parameter.Type, node.CancellationToken).Type) ||
                    !SymbolEqualityComparer.Default.Equals(node.SemanticModel.GetTypeInfo(attribute, node.CancellationToken).Type, fromKeyedServices))
                {
                    return;
                }

                var key = arguments.Arguments[0].Expression;
                if (node.SemanticModel.GetConstantValue(key, node.CancellationToken) is { HasValue: true, Value: string name } && !names.Contains(name))
                {
                    node.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownKeyedConnector, key.GetLocation(), name, known));
                }
            },
            SyntaxKind.Attribute);
    }

    private static void Check(Action<Diagnostic> report, IOperation value, HashSet<string> names, string known)
    {
        // The key parameter is object?: look through the conversion to the constant.
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue is { HasValue: true, Value: string name } && !names.Contains(name))
        {
            report(Diagnostic.Create(DiagnosticDescriptors.UnknownKeyedConnector, value.Syntax.GetLocation(), name, known));
        }
    }

    private static HashSet<string>? KnownNames(AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
    {
        HashSet<string>? names = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(ConnectorManifestFormat.KindOption, out var option) ||
                ConnectorManifestReader.KindOf(option) is not { } kind)
            {
                continue;
            }

            names ??= new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in ConnectorManifestReader.Read(kind, file.GetText(cancellationToken)).Items)
            {
                names.Add(item.Name);
            }
        }

        return names;
    }

    private static List<string> Sorted(HashSet<string> names)
    {
        var list = new List<string>(names);
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
