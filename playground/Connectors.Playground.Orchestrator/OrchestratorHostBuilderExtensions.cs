using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connectors.Playground.Orchestrator;

/// <summary>Adds the orchestrator component to a host.</summary>
public static class OrchestratorHostBuilderExtensions
{
    /// <summary>Registers the orchestrator and the connector it requires.</summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddOrchestrator(this IHostApplicationBuilder builder)
    {
        builder.AddKubernetesConnectorClient(OrchestratorComponent.ConnectorName);
        builder.RequireKubernetesConnectors(OrchestratorComponent.ConnectorName);
        builder.Services.AddSingleton<OrchestratorComponent>();
        return builder;
    }
}
