using System.Collections.ObjectModel;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connectors.Kubernetes.Hosting.Tests.Support;

/// <summary>
/// A small app host builder over the Aspire stand-in: resources, parameters from configuration,
/// eventing, services. <see cref="InitializeAsync"/> plays Aspire's part of raising InitializeResourceEvent.
/// </summary>
internal sealed class TestDistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly TestEventing eventing = new();

    public TestDistributedApplicationBuilder(DistributedApplicationOperation operation = DistributedApplicationOperation.Run, string? appHostDirectory = null)
    {
        ExecutionContext = new DistributedApplicationExecutionContext(operation);
        AppHostDirectory = appHostDirectory ?? AppContext.BaseDirectory;
    }

    public ConfigurationManager Configuration { get; } = new();

    public string AppHostDirectory { get; }

    public IHostEnvironment Environment { get; } = new HostingEnvironment { EnvironmentName = "Development", ApplicationName = "AppHost" };

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IDistributedApplicationEventing Eventing => eventing;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public IResourceCollection Resources { get; } = new TestResourceCollection();

    public ResourceNotificationService Notifications { get; } = new(NullLogger<ResourceNotificationService>.Instance, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));

    // The tests drive resources and their events directly; Aspire's own builder is what starts an app host.
    public DistributedApplication Build() => throw new NotSupportedException("TestDistributedApplicationBuilder does not build an app host.");

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (Resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"Cannot add resource of type '{resource.GetType()}' with name '{resource.Name}' because resource of type '{resource.GetType()}' with that name already exists.");
        }

        Resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new TestResourceBuilder<T>(this, resource);

    /// <summary>Raises InitializeResourceEvent for every resource, as Aspire's orchestrator does at start.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        using var services = Services.BuildServiceProvider();
        foreach (var resource in Resources.ToList())
        {
            await eventing.PublishAsync(new InitializeResourceEvent(resource, eventing, new ResourceLoggerService(), Notifications, services), cancellationToken);
        }
    }

    public CustomResourceSnapshot CurrentSnapshot(IResource resource) =>
        Notifications.TryGetCurrentState(resource.Name, out var current)
            ? current.Snapshot
            : throw new InvalidOperationException("No state was published for " + resource.Name + ".");

    private sealed class TestResourceCollection : Collection<IResource>, IResourceCollection
    {
    }

    private sealed class TestResourceBuilder<T>(IDistributedApplicationBuilder applicationBuilder, T resource) : IResourceBuilder<T> where T : IResource
    {
        public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;

        public T Resource { get; } = resource;

        public IResourceBuilder<T> WithAnnotation<TAnnotation>(TAnnotation annotation, ResourceAnnotationMutationBehavior behavior = ResourceAnnotationMutationBehavior.Append) where TAnnotation : IResourceAnnotation
        {
            if (behavior == ResourceAnnotationMutationBehavior.Replace)
            {
                foreach (var existing in Resource.Annotations.OfType<TAnnotation>().ToList())
                {
                    Resource.Annotations.Remove(existing);
                }
            }

            Resource.Annotations.Add(annotation);
            return this;
        }
    }

    private sealed class TestEventing : IDistributedApplicationEventing
    {
        private readonly List<(Type Type, IResource? Resource, DistributedApplicationEventSubscription Subscription)> subscriptions = [];

        public DistributedApplicationEventSubscription Subscribe<T>(Func<T, CancellationToken, Task> callback) where T : IDistributedApplicationEvent
        {
            var subscription = new DistributedApplicationEventSubscription((e, ct) => callback((T)e, ct));
            subscriptions.Add((typeof(T), null, subscription));
            return subscription;
        }

        public DistributedApplicationEventSubscription Subscribe<T>(IResource resource, Func<T, CancellationToken, Task> callback) where T : IDistributedApplicationResourceEvent
        {
            var subscription = new DistributedApplicationEventSubscription((e, ct) => callback((T)e, ct));
            subscriptions.Add((typeof(T), resource, subscription));
            return subscription;
        }

        public void Unsubscribe(DistributedApplicationEventSubscription subscription) => subscriptions.RemoveAll(s => s.Subscription == subscription);

        public Task PublishAsync<T>(T @event, CancellationToken cancellationToken = default) where T : IDistributedApplicationEvent =>
            PublishAsync(@event, EventDispatchBehavior.BlockingSequential, cancellationToken);

        public async Task PublishAsync<T>(T @event, EventDispatchBehavior dispatchBehavior, CancellationToken cancellationToken = default) where T : IDistributedApplicationEvent
        {
            var target = (@event as IDistributedApplicationResourceEvent)?.Resource;
            foreach (var (type, resource, subscription) in subscriptions.ToList())
            {
                if (type == typeof(T) && (resource is null || ReferenceEquals(resource, target)))
                {
                    await subscription.Callback(@event, cancellationToken);
                }
            }
        }
    }
}
