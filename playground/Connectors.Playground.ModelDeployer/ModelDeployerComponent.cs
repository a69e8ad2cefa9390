using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connectors.Playground.ModelDeployer;

/// <summary>
/// The model deployer as a component: it receives the client of connector <see cref="ConnectorName"/>
/// from the container and never sees a credential.
/// </summary>
public sealed class ModelDeployerComponent
{
    /// <summary>The connector this component requires (its <c>KubernetesConnectorReference</c>).</summary>
    public const string ConnectorName = "kube-auto";

    /// <summary>Creates the component from the injected client.</summary>
    /// <param name="kubernetes">The keyed client of <see cref="ConnectorName"/>.</param>
    public ModelDeployerComponent([FromKeyedServices(ConnectorName)] IKubernetes kubernetes) => Kubernetes = kubernetes;

    /// <summary>The injected client.</summary>
    public IKubernetes Kubernetes { get; }

    /// <summary>A deployer for <paramref name="namespace"/>.</summary>
    /// <param name="namespace">Where the model runs.</param>
    /// <returns>The deployer.</returns>
    public ModelDeployment Deployment(string @namespace) => new(Kubernetes, @namespace);

    /// <summary>Registers the deployer and the connector it requires.</summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddTo(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddKubernetesConnectorClient(ConnectorName);
        builder.RequireKubernetesConnectors(ConnectorName);
        builder.Services.AddSingleton<ModelDeployerComponent>();
        return builder;
    }
}
