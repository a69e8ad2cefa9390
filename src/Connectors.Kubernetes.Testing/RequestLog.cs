using System.Collections.Concurrent;

namespace Connectors.Kubernetes.Testing;

/// <summary>One request the server answered, for assertions about what a client did.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path.</param>
/// <param name="Query">The query string, including the leading <c>?</c>, or empty.</param>
/// <param name="User">The authenticated user name, or <c>-</c> when authentication did not succeed.</param>
/// <param name="StatusCode">The HTTP status code answered (0 when the connection was reset).</param>
public sealed record LoopbackRequest(string Method, string Path, string Query, string User, int StatusCode);

/// <summary>The most recent requests, bounded so that a long test cannot grow it without end.</summary>
internal sealed class RequestLog
{
    private const int Limit = 10_000;
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();

    public void Add(LoopbackRequest request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > Limit && _requests.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<LoopbackRequest> Snapshot() => [.. _requests];

    public void Clear() => _requests.Clear();
}
