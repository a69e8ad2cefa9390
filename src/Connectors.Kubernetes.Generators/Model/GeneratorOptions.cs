namespace Connectors.Kubernetes.Generators.Model;

/// <summary>
/// Project-wide settings read from MSBuild properties.
/// </summary>
/// <param name="NamespaceOverride">
/// <c>$(KubernetesConnectorsNamespace)</c>: the namespace of every generated type, or <see langword="null"/>
/// for the defaults (<c>Microsoft.Extensions.Hosting</c> in components, <c>Aspire.Hosting</c> in app hosts,
/// the namespaces where users look for client and hosting extensions without a <c>using</c>).
/// </param>
/// <param name="ProjectDirectory"><c>$(ProjectDir)</c>: the base of relative paths in declarations.</param>
internal sealed record GeneratorOptions(string? NamespaceOverride, string? ProjectDirectory)
{
    /// <summary>The namespace of the generated component surface.</summary>
    public string ComponentNamespace => NamespaceOverride ?? "Microsoft.Extensions.Hosting";

    /// <summary>The namespace of the generated app-host declarations and Aspire layer.</summary>
    public string AppHostNamespace => NamespaceOverride ?? "Aspire.Hosting";
}
