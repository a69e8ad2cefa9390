namespace Connectors.Kubernetes.Testing;

/// <summary>
/// Fault injection for reliability tests: added latency, bursts of 5xx answers, connection resets and
/// a serving certificate whose name does not match. Token expiry and rotation live on
/// <see cref="LoopbackIdentity"/> (<see cref="LoopbackIdentity.ExpiresAt"/>, <see cref="LoopbackIdentity.RotateToken(string?)"/>).
/// Every setting can change while the server runs and applies to the next request or connection.
/// </summary>
public sealed class LoopbackFaults
{
    private readonly object _gate = new();
    private readonly List<PendingFault> _pending = [];
    private long _latencyTicks;
    private int _mismatchedCertificate;

    /// <summary>Delay added before every request is handled. Default none.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _latencyTicks, value.Ticks);
        }
    }

    /// <summary>
    /// When set, new TLS connections get a certificate (signed by the same CA) for the name
    /// <c>wrong-name.invalid</c> only, so a client that checks the host name must refuse it.
    /// Connections already open keep their certificate.
    /// </summary>
    public bool ServeMismatchedCertificate
    {
        get => Volatile.Read(ref _mismatchedCertificate) != 0;
        set => Volatile.Write(ref _mismatchedCertificate, value ? 1 : 0);
    }

    /// <summary>How many injected failures and resets are still waiting for a request.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Sum(p => p.Remaining);
            }
        }
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests with a 5xx <c>Status</c> instead of handling them.</summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="statusCode">The status code, 500–599. Default 503.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this (such as <c>/api/v1/namespaces</c>); null for every request.</param>
    public void FailNext(int count, int statusCode = 503, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (statusCode is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Injected failures are server errors: use a status code from 500 to 599.");
        }

        Add(new PendingFault(FaultKind.Fail, statusCode, pathPrefix, count));
    }

    /// <summary>Aborts the connection of the next <paramref name="count"/> matching requests without an answer (the client sees a reset).</summary>
    /// <param name="count">How many requests are cut off.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this; null for every request.</param>
    public void ResetNext(int count, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Add(new PendingFault(FaultKind.Reset, 0, pathPrefix, count));
    }

    /// <summary>Removes every pending fault, the latency and the certificate mismatch.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }

        Latency = TimeSpan.Zero;
        ServeMismatchedCertificate = false;
    }

    /// <summary>Takes the fault, if any, that the request with this path must suffer.</summary>
    internal (FaultKind Kind, int StatusCode) Take(string path)
    {
        lock (_gate)
        {
            foreach (var fault in _pending)
            {
                if (fault.Remaining > 0 && (fault.PathPrefix is null || path.StartsWith(fault.PathPrefix, StringComparison.Ordinal)))
                {
                    fault.Remaining--;
                    if (fault.Remaining == 0)
                    {
                        _pending.Remove(fault);
                    }

                    return (fault.Kind, fault.StatusCode);
                }
            }
        }

        return (FaultKind.None, 0);
    }

    private void Add(PendingFault fault)
    {
        lock (_gate)
        {
            _pending.Add(fault);
        }
    }

    internal enum FaultKind
    {
        None,
        Fail,
        Reset,
    }

    private sealed class PendingFault(FaultKind kind, int statusCode, string? pathPrefix, int remaining)
    {
        public FaultKind Kind { get; } = kind;

        public int StatusCode { get; } = statusCode;

        public string? PathPrefix { get; } = pathPrefix;

        public int Remaining { get; set; } = remaining;
    }
}
