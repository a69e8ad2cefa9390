using System.Threading.Channels;

namespace Connectors.Kubernetes.Testing.Store;

/// <summary>A live feed of store changes that match a filter; dispose it to stop.</summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<WatchSubscription> _unsubscribe;

    public WatchSubscription(Func<WatchEvent, bool> filter, Action<WatchSubscription> unsubscribe)
    {
        Filter = filter;
        _unsubscribe = unsubscribe;
    }

    public Func<WatchEvent, bool> Filter { get; }

    public ChannelReader<WatchEvent> Events => _channel.Reader;

    /// <summary>Set when the watch cannot start from the requested version (answered with 410 Gone).</summary>
    public bool Expired { get; init; }

    internal void Offer(WatchEvent change)
    {
        if (Filter(change))
        {
            _channel.Writer.TryWrite(change);
        }
    }

    internal void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
