using System.Collections.Concurrent;

namespace Connectors.Kubernetes.Testing.Life;

/// <summary>
/// The log lines each simulated pod has written, with a signal for followers; a pod's log ends when
/// its container terminates.
/// </summary>
internal sealed class PodLogBook
{
    private readonly ConcurrentDictionary<string, PodLog> _logs = new(StringComparer.Ordinal);

    public PodLog For(string @namespace, string pod) => _logs.GetOrAdd(@namespace + "/" + pod, static _ => new PodLog());

    public void Forget(string @namespace, string pod) => _logs.TryRemove(@namespace + "/" + pod, out _);

    public void CloseAll()
    {
        foreach (var log in _logs.Values)
        {
            log.Close();
        }
    }
}

/// <summary>One pod's log: an append-only list of lines, closed when the container ends.</summary>
internal sealed class PodLog
{
    private readonly object _gate = new();
    private readonly List<(DateTimeOffset At, string Line)> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closed;

    public void Append(DateTimeOffset at, string line)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _lines.Add((at, line));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public void Close()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _closed = true;
            changed = _changed;
        }

        changed.TrySetResult();
    }

    /// <summary>The lines from <paramref name="start"/> on, whether the log is closed, and a task that completes on the next change.</summary>
    public (IReadOnlyList<(DateTimeOffset At, string Line)> Lines, bool Closed, Task Changed) Read(int start)
    {
        lock (_gate)
        {
            return (_lines.Skip(start).ToList(), _closed, _changed.Task);
        }
    }
}
