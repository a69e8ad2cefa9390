using Connectors.Kubernetes.Generators.Common;
using Microsoft.CodeAnalysis;

namespace Connectors.Kubernetes.Generators.Model;

/// <summary>
/// A diagnostic as plain data (descriptor id and message arguments), so it can live in an equatable
/// model. Item diagnostics have no source location: MSBuild items are not C# syntax.
/// </summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments)
{
    /// <summary>Creates the info for <paramref name="descriptor"/> with its message arguments.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, params string[] arguments) =>
        new(descriptor.Id, new EquatableArray<string>(arguments));

    /// <summary>Materializes the diagnostic (at <see cref="Location.None"/>).</summary>
    public Diagnostic ToDiagnostic()
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(Diagnostics.DiagnosticDescriptors.ById(Id), Location.None, args);
    }
}
