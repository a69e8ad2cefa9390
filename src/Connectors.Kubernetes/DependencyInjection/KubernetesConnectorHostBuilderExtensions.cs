using Connectors.Kubernetes;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Adds injected, authenticated Kubernetes clients to a component, one per connector. The component
/// takes <c>[FromKeyedServices("kube-auto")] IKubernetes</c> and never sees a credential.
/// </summary>
public static class KubernetesConnectorHostBuilderExtensions
{
    /// <summary>
    /// Registers connector <paramref name="name"/>: keyed (key = <paramref name="name"/>) <c>k8s.IKubernetes</c>
    /// and <see cref="IKubernetesConnector"/>, a health check tagged <c>kubernetes</c> and <c>connector</c>,
    /// traces and metrics named <c>Connectors.Kubernetes</c>, background credential refresh and start-up
    /// validation. The non-keyed services stand for it when it is the only connector or is marked <c>Default</c>.
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="name">The connector name.</param>
    /// <param name="configure">Changes the settings after configuration is read.</param>
    /// <returns>The same builder.</returns>
    /// <remarks>
    /// Settings are read now, lowest precedence first: the section <c>Connectors:Kubernetes</c> (client
    /// settings for every connector), the section <c>Connectors:Kubernetes:{name}</c>, the connection
    /// string <c>ConnectionStrings:{name}</c> for the keys the section does not set, then
    /// <paramref name="configure"/>. Problems (missing or invalid configuration) fail host start-up with
    /// their <c>KC1xxx</c> code and the configuration path.
    /// </remarks>
    /// <exception cref="KubernetesConnectorException"><paramref name="name"/> breaks the naming rule (<c>KC1400</c>).</exception>
    public static IHostApplicationBuilder AddKubernetesConnectorClient(this IHostApplicationBuilder builder, string name, Action<KubernetesConnectorSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKubernetesConnectorClient(builder.Configuration, name, configure);
        return builder;
    }

    /// <summary>As <see cref="AddKubernetesConnectorClient"/>, but keyed only: the connector never becomes the non-keyed default.</summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="name">The connector name and service key.</param>
    /// <param name="configure">Changes the settings after configuration is read.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddKeyedKubernetesConnectorClient(this IHostApplicationBuilder builder, string name, Action<KubernetesConnectorSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKeyedKubernetesConnectorClient(builder.Configuration, name, configure);
        return builder;
    }

    /// <summary>
    /// Declares the connectors this component requires (its <c>KubernetesConnectorReference</c> items).
    /// Host start-up fails with <c>KC1402</c> listing each one that is not registered or not configured.
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="names">The required connector names.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder RequireKubernetesConnectors(this IHostApplicationBuilder builder, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RequireKubernetesConnectors(names);
        return builder;
    }
}
