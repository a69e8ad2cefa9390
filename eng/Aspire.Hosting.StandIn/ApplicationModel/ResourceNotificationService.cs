using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.ApplicationModel;

// Faithful minimal: each update applies the factory to the resource's previous snapshot (or to the
// initial one from ResourceSnapshotAnnotation), keeps it as current and streams it to watchers.
public class ResourceNotificationService : IDisposable
{
    private readonly ConcurrentDictionary<string, ResourceEvent> _current = new(StringComparer.Ordinal);
    private readonly Channel<ResourceEvent> _events = Channel.CreateUnbounded<ResourceEvent>();
    private readonly object _lock = new();

    public ResourceNotificationService(ILogger<ResourceNotificationService> logger, IHostApplicationLifetime hostApplicationLifetime)
    {
    }

    public ResourceNotificationService(ILogger<ResourceNotificationService> logger, IHostApplicationLifetime hostApplicationLifetime, IServiceProvider serviceProvider, ResourceLoggerService resourceLoggerService)
    {
    }

    public Task PublishUpdateAsync(IResource resource, Func<CustomResourceSnapshot, CustomResourceSnapshot> stateFactory) =>
        PublishUpdateAsync(resource, resource.Name, stateFactory);

    public Task PublishUpdateAsync(IResource resource, string resourceId, Func<CustomResourceSnapshot, CustomResourceSnapshot> stateFactory)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(stateFactory);

        lock (_lock)
        {
            var previous = _current.TryGetValue(resourceId, out var last)
                ? last.Snapshot
                : resource.TryGetLastAnnotation<ResourceSnapshotAnnotation>(out var initial)
                    ? initial.InitialSnapshot
                    : new CustomResourceSnapshot { ResourceType = resource.GetType().Name, Properties = [] };
            var next = new ResourceEvent(resource, resourceId, stateFactory(previous));
            _current[resourceId] = next;
            _events.Writer.TryWrite(next);
        }

        return Task.CompletedTask;
    }

    public bool TryGetCurrentState(string resourceId, [NotNullWhen(true)] out ResourceEvent? resourceEvent) =>
        _current.TryGetValue(resourceId, out resourceEvent);

    public async IAsyncEnumerable<ResourceEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public void Dispose() => _events.Writer.TryComplete();
}

public class ResourceEvent(IResource resource, string resourceId, CustomResourceSnapshot snapshot)
{
    public IResource Resource { get; } = resource;

    public string ResourceId { get; } = resourceId;

    public CustomResourceSnapshot Snapshot { get; } = snapshot;
}
