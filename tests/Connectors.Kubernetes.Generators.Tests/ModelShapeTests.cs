using System.Collections.Immutable;
using System.Reflection;
using Connectors.Kubernetes.Generators.Common;
using Connectors.Kubernetes.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>
/// Walks every type reachable from the pipeline's models by reflection: none may hold a symbol, a syntax
/// node, a compilation or a location (they would defeat caching and keep compilations alive), and each
/// must compare by value.
/// </summary>
public sealed class ModelShapeTests
{
    private static readonly Type[] Roots =
    {
        typeof(ConnectorManifest), typeof(ParseResult<ComponentModel>), typeof(ParseResult<AppHostModel>),
        typeof(AspireLayerModel), typeof(GeneratorOptions), typeof(CompilationCapabilities),
    };

    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(Location),
        typeof(SemanticModel), typeof(AdditionalText), typeof(Diagnostic),
    };

    [Fact]
    public void ModelsHoldNoCompilerObjectsAndCompareByValue()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(Roots);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string))
            {
                continue;
            }

            Assert.DoesNotContain(Forbidden, forbidden => forbidden.IsAssignableFrom(type));
            Assert.False(type.IsArray, type + " is an array (compares by reference): use EquatableArray<T>");
            Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>), type + " compares by reference: use EquatableArray<T>");
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            {
                queue.Enqueue(type.GetGenericArguments()[0]);
                continue;
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                queue.Enqueue(underlying);
                continue;
            }

            Assert.True(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), type + " does not implement IEquatable<T>");
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                queue.Enqueue(field.FieldType);
            }
        }

        Assert.Contains(typeof(DeclaredConnector), seen);
        Assert.Contains(typeof(Label), seen);
        Assert.Contains(typeof(DiagnosticInfo), seen);
    }
}
