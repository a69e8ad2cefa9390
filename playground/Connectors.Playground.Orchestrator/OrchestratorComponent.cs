using k8s;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Playground.Orchestrator;

/// <summary>
/// The orchestrator as a component: it receives the client of connector <see cref="ConnectorName"/>
/// from the container and never sees a credential.
/// </summary>
public sealed class OrchestratorComponent
{
    /// <summary>The connector this component requires (its <c>KubernetesConnectorReference</c>).</summary>
    public const string ConnectorName = "kube-auto";

    /// <summary>Creates the component from the injected client.</summary>
    /// <param name="kubernetes">The keyed client of <see cref="ConnectorName"/>.</param>
    public OrchestratorComponent([FromKeyedServices(ConnectorName)] IKubernetes kubernetes) => Kubernetes = kubernetes;

    /// <summary>The injected client.</summary>
    public IKubernetes Kubernetes { get; }

    /// <summary>A runner for steps in <paramref name="namespace"/>.</summary>
    /// <param name="namespace">Where the Jobs run.</param>
    /// <returns>The runner.</returns>
    public PipelineStepRunner Runner(string @namespace) => new(Kubernetes, @namespace);
}
