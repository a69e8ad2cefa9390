using Connectors.Kubernetes;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers injected Kubernetes connector clients on a plain <see cref="IServiceCollection"/>. With a
/// host builder, prefer <c>builder.AddKubernetesConnectorClient(name)</c>, which passes its configuration.
/// </summary>
public static class KubernetesConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers connector <paramref name="name"/>: keyed (key = <paramref name="name"/>) <c>k8s.IKubernetes</c>
    /// and <see cref="IKubernetesConnector"/>, a health check, telemetry and start-up validation; the
    /// non-keyed services stand for it when it is the only connector or is marked <c>Default</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding <c>ConnectionStrings:{name}</c> and <c>Connectors:Kubernetes:{name}</c>.</param>
    /// <param name="name">The connector name.</param>
    /// <param name="configure">Changes the settings after configuration is read.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>Precedence, lowest first: section <c>Connectors:Kubernetes</c>, section <c>Connectors:Kubernetes:{name}</c> and connection string <c>ConnectionStrings:{name}</c> (the section wins key by key), then <paramref name="configure"/>.</remarks>
    /// <exception cref="KubernetesConnectorException"><paramref name="name"/> breaks the naming rule (<c>KC1400</c>). Configuration errors are reported at start-up.</exception>
    public static IServiceCollection AddKubernetesConnectorClient(this IServiceCollection services, IConfiguration configuration, string name, Action<KubernetesConnectorSettings>? configure = null)
    {
        KubernetesConnectorRegistration.Register(services, configuration, name, configure, keyedOnly: false);
        return services;
    }

    /// <summary>As <see cref="AddKubernetesConnectorClient"/>, but the connector only ever serves keyed requests: it never becomes the non-keyed default.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding <c>ConnectionStrings:{name}</c> and <c>Connectors:Kubernetes:{name}</c>.</param>
    /// <param name="name">The connector name and service key.</param>
    /// <param name="configure">Changes the settings after configuration is read.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddKeyedKubernetesConnectorClient(this IServiceCollection services, IConfiguration configuration, string name, Action<KubernetesConnectorSettings>? configure = null)
    {
        KubernetesConnectorRegistration.Register(services, configuration, name, configure, keyedOnly: true);
        return services;
    }

    /// <summary>
    /// Declares connectors the component cannot run without. Start-up fails with <c>KC1402</c>, listing
    /// every one of them that is not registered or has no configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="names">The required connector names.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection RequireKubernetesConnectors(this IServiceCollection services, params string[] names)
    {
        KubernetesConnectorRegistration.Require(services, names);
        return services;
    }
}
