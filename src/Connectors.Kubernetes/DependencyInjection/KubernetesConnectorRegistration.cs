using Connectors.Kubernetes.Naming;
using Connectors.Kubernetes.HealthChecks;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connectors.Kubernetes;

/// <summary>The one implementation behind every public registration method.</summary>
internal static class KubernetesConnectorRegistration
{
    public static void Register(IServiceCollection services, IConfiguration configuration, string name, Action<KubernetesConnectorSettings>? configure, bool keyedOnly)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        CheckName(name);
        var registry = GetRegistry(services);
        var binding = KubernetesConnectorSettingsReader.Read(configuration, name, configure);
        if (!registry.Set(binding, keyedOnly))
        {
            return; // registered before (for example by the generated AddKubernetesConnectors()): the services exist already
        }

        services.AddKeyedSingleton(name, (provider, _) => Create(registry, name, provider));
        services.AddKeyedSingleton<IKubernetesConnector>(name, (provider, _) => provider.GetRequiredKeyedService<KubernetesConnector>(name));
        services.AddKeyedSingleton<IKubernetes>(name, (provider, _) => provider.GetRequiredKeyedService<KubernetesConnector>(name).Client);

        if (!binding.Settings.DisableHealthChecks)
        {
            services.AddKeyedSingleton(name, (provider, _) =>
                new KubernetesConnectorHealthCheck(provider.GetRequiredKeyedService<IKubernetesConnector>(name), binding.Settings));
            AddHealthCheckOnce(services, new HealthCheckRegistration(
                KubernetesHealthCheckNames.For(name),
                provider => provider.GetRequiredKeyedService<KubernetesConnectorHealthCheck>(name),
                failureStatus: null,
                tags: [KubernetesHealthCheckNames.KubernetesTag, KubernetesHealthCheckNames.ConnectorTag],
                timeout: null));
        }
    }

    public static void Require(IServiceCollection services, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(names);
        var list = names.ToList();
        list.ForEach(CheckName);
        GetRegistry(services).Require(list);
    }

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ConnectorNameRules.Explain(name) is { } problem)
        {
            throw new KubernetesConnectorException(
                KubernetesInjectionErrorCodes.InvalidConnectorName,
                "'" + name + "' is not a valid connector name: " + problem + ". A connector name has " + ConnectorNameRules.Description + ".");
        }
    }

    private static KubernetesConnector Create(KubernetesConnectorRegistry registry, string name, IServiceProvider provider)
    {
        var binding = registry.Find(name)!.Binding;
        if (binding.Error is { } error)
        {
            throw error;
        }

        return new KubernetesConnector(binding.Spec!, binding.Settings, provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
    }

    private static KubernetesConnectorRegistry GetRegistry(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(KubernetesConnectorRegistry))?.ImplementationInstance is KubernetesConnectorRegistry existing)
        {
            return existing;
        }

        var registry = new KubernetesConnectorRegistry();
        services.AddSingleton(registry);

        // First among hosted services, so components never start with a broken connector.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, KubernetesConnectorStartupCheck>());

        // The non-keyed default: the one connector, or the one marked Default (resolved when first asked for).
        services.AddSingleton(provider => provider.GetRequiredKeyedService<IKubernetesConnector>(registry.DefaultName()));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<IKubernetes>(registry.DefaultName()));
        return registry;
    }

    private static void AddHealthCheckOnce(IServiceCollection services, HealthCheckRegistration registration)
    {
        services.AddHealthChecks();
        services.Configure<HealthCheckServiceOptions>(options =>
        {
            if (!options.Registrations.Any(r => r.Name == registration.Name))
            {
                options.Registrations.Add(registration);
            }
        });
    }
}
