namespace Connectors.Kubernetes.Generators;

/// <summary>
/// Names of the pipeline steps, public so tests can assert each step's caching behaviour
/// (<c>trackIncrementalGeneratorSteps</c>).
/// </summary>
public static class TrackingNames
{
    /// <summary>The connector items of one manifest additional file (or nothing when the file is not ours).</summary>
    public const string Items = "KubernetesConnectorItems";

    /// <summary>Every connector manifest of the project, collected.</summary>
    public const string AllItems = "KubernetesConnectorAllItems";

    /// <summary>Project-wide options (namespace override, project directory).</summary>
    public const string Options = "KubernetesConnectorOptions";

    /// <summary>Which referenced types the compilation can see.</summary>
    public const string Capabilities = "KubernetesConnectorCapabilities";

    /// <summary>The component model and its diagnostics.</summary>
    public const string Component = "KubernetesConnectorComponent";

    /// <summary>The app-host model and its diagnostics.</summary>
    public const string AppHost = "KubernetesConnectorAppHost";

    /// <summary>The namespace of the declaration type (present only when the app host declares connectors).</summary>
    public const string DeclarationType = "KubernetesConnectorDeclarationType";

    /// <summary>The Aspire layer model (present only in Aspire app hosts).</summary>
    public const string AspireLayer = "KubernetesConnectorAspireLayer";
}
