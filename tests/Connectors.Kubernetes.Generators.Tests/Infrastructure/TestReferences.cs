using Microsoft.CodeAnalysis;

namespace Connectors.Kubernetes.Generators.Tests.Infrastructure;

/// <summary>Metadata references for test compilations, read from this test host's own assemblies.</summary>
internal static class TestReferences
{
    private static readonly string[] TrustedAssemblies =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static readonly string FrameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    /// <summary>The .NET base library only: no hosting, no DI, no KubernetesClient.</summary>
    public static IReadOnlyList<MetadataReference> Framework { get; } = TrustedAssemblies
        .Where(path => string.Equals(Path.GetDirectoryName(path), FrameworkDirectory, StringComparison.Ordinal))
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    /// <summary>A component's references without our runtime (Microsoft.Extensions.*, KubernetesClient).</summary>
    public static IReadOnlyList<MetadataReference> ComponentWithoutRuntime { get; } = TrustedAssemblies
        .Where(path => !Path.GetFileName(path).StartsWith("Connectors.Kubernetes", StringComparison.Ordinal) && !IsAspire(path))
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    /// <summary>What a component sees: the framework, Microsoft.Extensions.*, KubernetesClient and the runtime.</summary>
    public static IReadOnlyList<MetadataReference> Component { get; } = TrustedAssemblies
        .Where(path => !Path.GetFileName(path).StartsWith("Connectors.Kubernetes.Generators", StringComparison.Ordinal) && !IsAspire(path))
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    /// <summary>What an Aspire app host sees: a component's references plus Aspire.Hosting (the API-only stand-in in eng/).</summary>
    public static IReadOnlyList<MetadataReference> AspireAppHost { get; } = TrustedAssemblies
        .Where(path => !Path.GetFileName(path).StartsWith("Connectors.Kubernetes.Generators", StringComparison.Ordinal))
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    private static bool IsAspire(string path) => string.Equals(Path.GetFileName(path), "Aspire.Hosting.dll", StringComparison.OrdinalIgnoreCase);
}
