namespace Connectors.Kubernetes.Testing;

/// <summary>
/// Counts the TCP connections the loopback server accepts, so that tests can bound how many sockets
/// a client opens (a client that pools connections opens a handful, one that leaks opens one per request).
/// Counted below TLS: a connection whose handshake fails counts too.
/// </summary>
public sealed class LoopbackConnections
{
    private long _opened;
    private long _open;
    private long _peak;

    /// <summary>Connections accepted since the server started.</summary>
    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>Connections open now.</summary>
    public long Open => Interlocked.Read(ref _open);

    /// <summary>The most connections that were open at the same time since the server started.</summary>
    public long PeakOpen => Interlocked.Read(ref _peak);

    internal void OnOpened()
    {
        Interlocked.Increment(ref _opened);
        var open = Interlocked.Increment(ref _open);
        long seen;
        while (open > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, open, seen) != seen)
        {
        }
    }

    internal void OnClosed() => Interlocked.Decrement(ref _open);

    /// <summary>Describes the counts.</summary>
    /// <returns>For example <c>12 opened, 4 open, peak 6</c>.</returns>
    public override string ToString() => $"{Opened} opened, {Open} open, peak {PeakOpen}";
}
