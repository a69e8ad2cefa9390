using System;
using Microsoft.CodeAnalysis;

namespace Connectors.Kubernetes.Generators.Diagnostics;

/// <summary>
/// Every KC3xxx diagnostic of the generator and its analyzer. Each is documented in docs/diagnostics.md
/// with cause and fix; messages say what is wrong and how to fix it.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Connectors.Kubernetes";

    /// <summary>KC3001: a connector item's name breaks the naming rule.</summary>
    public static readonly DiagnosticDescriptor InvalidName = Create(
        "KC3001",
        "Invalid Kubernetes connector name",
        "The {0} item '{1}' has an invalid connector name: {2}. Use " + Naming.ConnectorNameRules.Description + ", for example 'kube-prod'.",
        DiagnosticSeverity.Error);

    /// <summary>KC3002: two items of the same kind share a name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = Create(
        "KC3002",
        "Duplicate Kubernetes connector name",
        "The connector name '{1}' appears in {2} {0} items (names compare case-insensitively). Keep one item per connector.",
        DiagnosticSeverity.Error);

    /// <summary>KC3003: two names map to the same C# identifier.</summary>
    public static readonly DiagnosticDescriptor IdentifierCollision = Create(
        "KC3003",
        "Kubernetes connector name maps to a C# identifier already in use",
        "The connector name '{1}' maps to the C# identifier '{2}', already used by {0}; it is generated as '{3}'. Rename the connector to get a clean member name.",
        DiagnosticSeverity.Warning);

    /// <summary>KC3004: a declaration misses metadata it cannot do without.</summary>
    public static readonly DiagnosticDescriptor MissingMetadata = Create(
        "KC3004",
        "Kubernetes connector declaration is missing required metadata",
        "The KubernetesConnector item '{0}' has no {1} metadata. Add {1}=\"{2}\", or set AutoConfigure=\"true\" to take the connection from a kubeconfig context.",
        DiagnosticSeverity.Error);

    /// <summary>KC3005: an unknown authentication method.</summary>
    public static readonly DiagnosticDescriptor UnknownAuthMethod = Create(
        "KC3005",
        "Unknown Kubernetes connector authentication method",
        "The KubernetesConnector item '{0}' has AuthMethod=\"{1}\"; use \"token\" or \"password\"",
        DiagnosticSeverity.Error);

    /// <summary>KC3006: metadata whose value cannot be understood.</summary>
    public static readonly DiagnosticDescriptor InvalidMetadataValue = Create(
        "KC3006",
        "Invalid Kubernetes connector metadata value",
        "The KubernetesConnector item '{0}' has an invalid {1} value: {2}",
        DiagnosticSeverity.Error);

    /// <summary>KC3007: key material written inline where only a path is allowed.</summary>
    public static readonly DiagnosticDescriptor InlineClientKey = Create(
        "KC3007",
        "Kubernetes connector client key must be a file path",
        "The KubernetesConnector item '{0}' has inline key material in ClientKey; it is left out of the generated code. Put the key in a file and set ClientKey to its path, or use the '{0}-client-key' parameter.",
        DiagnosticSeverity.Error);

    /// <summary>KC3008: parts of the component surface cannot be generated because a dependency is missing.</summary>
    public static readonly DiagnosticDescriptor MissingDependency = Create(
        "KC3008",
        "Kubernetes connector accessors need a missing dependency",
        "{0} cannot be generated: the project does not reference '{1}'. Reference the Connectors.Kubernetes package, which brings it.",
        DiagnosticSeverity.Warning);

    /// <summary>KC3009: the project's C# version cannot compile the generated code.</summary>
    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Create(
        "KC3009",
        "Kubernetes connector accessors need C# 8 or later",
        "The Kubernetes connector accessors are not generated: the project compiles with C# {0} and they need C# 8 or later (nullable annotations). Set <LangVersion>latest</LangVersion>, or target .NET 8 or later.",
        DiagnosticSeverity.Warning);

    /// <summary>KC3010: a keyed-service key that names no connector of the project.</summary>
    public static readonly DiagnosticDescriptor UnknownKeyedConnector = Create(
        "KC3010",
        "Keyed Kubernetes client names no connector of this project",
        "'{0}' is not a Kubernetes connector of this project (it has: {1}); resolving it fails at run time. Fix the name (keys are case-sensitive), use a KubernetesConnectors constant, or add <KubernetesConnectorReference Include=\"{0}\" /> to the project.",
        DiagnosticSeverity.Warning);

    /// <summary>Finds a descriptor by id (diagnostics travel through the pipeline as ids).</summary>
    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "KC3001" => InvalidName,
        "KC3002" => DuplicateName,
        "KC3003" => IdentifierCollision,
        "KC3004" => MissingMetadata,
        "KC3005" => UnknownAuthMethod,
        "KC3006" => InvalidMetadataValue,
        "KC3007" => InlineClientKey,
        "KC3008" => MissingDependency,
        "KC3009" => LanguageVersionTooOld,
        "KC3010" => UnknownKeyedConnector,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id."),
    };

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: title + " (see docs/diagnostics.md, " + id + ").");
}
