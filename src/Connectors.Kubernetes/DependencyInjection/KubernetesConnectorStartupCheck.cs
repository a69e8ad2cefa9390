using System.Text;
using Connectors.Kubernetes.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connectors.Kubernetes;

/// <summary>
/// Runs first among the hosted services: it builds every registered connector (so a bad configuration,
/// CA or certificate fails start-up, not the first request), checks that every required connector is
/// registered and configured, and reports every problem at once with its code. Then it starts the
/// background credential refresh.
/// </summary>
internal sealed class KubernetesConnectorStartupCheck(KubernetesConnectorRegistry registry, IServiceProvider services, ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("Connectors.Kubernetes.KubernetesConnector");
        var failures = new List<KubernetesConnectorException>();
        var missing = new List<string>();
        foreach (var name in registry.Required)
        {
            var entry = registry.Find(name);
            if (entry is null)
            {
                missing.Add("'" + name + "' is not registered: call builder.AddKubernetesConnectorClient(\"" + name + "\") (or the generated AddKubernetesConnectors())");
            }
            else if (entry.Binding.Error?.Code == KubernetesErrorCodes.ConnectorNotConfigured)
            {
                missing.Add("'" + name + "' has no configuration: set ConnectionStrings:" + name + " or the section " + KubernetesConnectorConfiguration.SectionPath(name) +
                    " (in the app host: WithReference(connector))");
            }
        }

        if (missing.Count != 0)
        {
            failures.Add(new KubernetesConnectorException(
                KubernetesInjectionErrorCodes.RequiredConnectorsMissing,
                "This component requires Kubernetes connectors that are missing:" + string.Concat(missing.Select(m => Environment.NewLine + "  " + m))));
        }

        foreach (var entry in registry.Entries)
        {
            if (entry.Binding.Error is { } error)
            {
                if (!(error.Code == KubernetesErrorCodes.ConnectorNotConfigured && registry.Required.Contains(entry.Name)))
                {
                    failures.Add(error);
                }

                continue;
            }

            try
            {
                var connector = services.GetRequiredKeyedService<KubernetesConnector>(entry.Name);
                foreach (var warning in entry.Binding.Warnings)
                {
                    ConnectorLog.ValidationWarning(logger, entry.Name, warning.Code, warning.Field, warning.Message);
                }

                if (logger.IsEnabled(LogLevel.Information))
                {
                    var authMethod = connector.Spec.AuthMethod.ToWireName();
                    ConnectorLog.Ready(logger, entry.Name, connector.Spec.Server, authMethod, connector.Spec.Namespace);
                }
                connector.StartRefreshing();
            }
            catch (KubernetesConnectorException e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count == 1)
        {
            throw failures[0];
        }

        if (failures.Count > 1)
        {
            var message = new StringBuilder(failures.Count + " Kubernetes connector problems stop start-up:");
            foreach (var failure in failures)
            {
                message.Append(Environment.NewLine).Append("  ").Append(failure.Message.Replace(Environment.NewLine, Environment.NewLine + "  ", StringComparison.Ordinal));
            }

            throw new KubernetesConnectorException(KubernetesInjectionErrorCodes.SeveralConnectorsInvalid, message.ToString());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
