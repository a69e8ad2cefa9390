namespace Connectors.Kubernetes.Generators.Model;

/// <summary>
/// Which of the types the generated code leans on the compilation can see. Read once per compilation
/// and compared by value, so an edit that does not change references changes nothing downstream.
/// </summary>
/// <param name="HasHostApplicationBuilder"><c>Microsoft.Extensions.Hosting.IHostApplicationBuilder</c>.</param>
/// <param name="HasKeyedServices"><c>Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions</c>.</param>
/// <param name="HasKubernetesClient"><c>k8s.IKubernetes</c> (the official KubernetesClient).</param>
/// <param name="HasConnectorInterface"><c>Connectors.Kubernetes.IKubernetesConnector</c> (the runtime).</param>
/// <param name="HasAspireHosting"><c>Aspire.Hosting.IDistributedApplicationBuilder</c>: the project is an Aspire app host.</param>
/// <param name="LanguageVersion">The C# version the project compiles with, for messages.</param>
/// <param name="SupportsGeneratedCode">Whether that version is C# 8 or later (generated code uses nullable annotations).</param>
internal sealed record CompilationCapabilities(
    bool HasHostApplicationBuilder,
    bool HasKeyedServices,
    bool HasKubernetesClient,
    bool HasConnectorInterface,
    bool HasAspireHosting,
    string LanguageVersion,
    bool SupportsGeneratedCode)
{
    /// <summary>Metadata names of the probed types.</summary>
    public const string HostApplicationBuilderType = "Microsoft.Extensions.Hosting.IHostApplicationBuilder";

    /// <summary>Metadata name of the keyed-service extensions.</summary>
    public const string KeyedServicesType = "Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions";

    /// <summary>Metadata name of the KubernetesClient interface.</summary>
    public const string KubernetesClientType = "k8s.IKubernetes";

    /// <summary>Metadata name of the runtime's connector interface.</summary>
    public const string ConnectorInterfaceType = "Connectors.Kubernetes.IKubernetesConnector";

    /// <summary>Metadata name of the Aspire app-host builder.</summary>
    public const string AspireBuilderType = "Aspire.Hosting.IDistributedApplicationBuilder";
}
