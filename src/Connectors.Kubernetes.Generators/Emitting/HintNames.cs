namespace Connectors.Kubernetes.Generators.Emitting;

/// <summary>The hint names (generated file names) the generator adds; golden files are named after them.</summary>
internal static class HintNames
{
    /// <summary>A component's connector names, registration and accessors.</summary>
    public const string Component = "KubernetesConnectors.g.cs";

    /// <summary>An app host's declaration type.</summary>
    public const string DeclarationType = "KubernetesConnectorDeclaration.g.cs";

    /// <summary>An app host's declarations.</summary>
    public const string Declarations = "KubernetesConnectorDeclarations.g.cs";

    /// <summary>The Aspire-facing layer.</summary>
    public const string AspireLayer = "KubernetesConnectorAspireLayer.g.cs";
}
