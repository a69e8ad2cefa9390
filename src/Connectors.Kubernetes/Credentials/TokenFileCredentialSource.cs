using Connectors.Kubernetes.Clients;
using Microsoft.Extensions.Logging;

namespace Connectors.Kubernetes.Credentials;

/// <summary>
/// A bearer token read from a file that another process rotates (projected service-account tokens,
/// cloud token helpers). The file is looked at again at most once per <c>minimumInterval</c> and read
/// only when its size or write time changed; after a 401 it is read at once. A failed or empty read
/// keeps the last good token, so a rotation caught half-written does not break running clients.
/// </summary>
internal sealed partial class TokenFileCredentialSource : ICredentialSource
{
    private readonly string _path;
    private readonly TimeSpan _minimumInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KubernetesCredential? _current;
    private (DateTime WriteTime, long Length) _stamp;
    private long _lastCheck = long.MinValue;

    public TokenFileCredentialSource(string path, TimeSpan minimumInterval, TimeProvider time, ILogger logger)
    {
        _path = path;
        _minimumInterval = minimumInterval;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<KubernetesCredential> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && !IsCheckDue())
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null || IsCheckDue())
            {
                Reload(force: false);
            }

            return _current ?? throw NoToken();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<KubernetesCredential?> RefreshAsync(KubernetesCredential rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have picked up the rotation already.
            if (_current is not null && !_current.SameSecretAs(rejected))
            {
                return _current;
            }

            Reload(force: true);
            return _current is not null && !_current.SameSecretAs(rejected) ? _current : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsCheckDue()
    {
        var last = Volatile.Read(ref _lastCheck);
        return last == long.MinValue || _time.GetElapsedTime(last) >= _minimumInterval;
    }

    private void Reload(bool force)
    {
        Volatile.Write(ref _lastCheck, _time.GetTimestamp());
        try
        {
            var info = new FileInfo(_path);
            if (!info.Exists)
            {
                LogUnreadable(_logger, _path, "the file does not exist");
                return;
            }

            var stamp = (info.LastWriteTimeUtc, info.Length);
            if (!force && _current is not null && stamp == _stamp)
            {
                return;
            }

            var token = File.ReadAllText(_path).Trim();
            if (token.Length == 0)
            {
                LogUnreadable(_logger, _path, "the file is empty");
                return;
            }

            _stamp = stamp;
            Volatile.Write(ref _current, KubernetesCredential.Bearer(token));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(_logger, _path, e.GetType().Name);
        }
    }

    private KubernetesConnectorException NoToken() => new(
        KubernetesClientErrorCodes.TokenFileUnreadable,
        $"the token file '{_path}' cannot be read or is empty. "
        + "Check that the file exists, is readable by this process and holds a token, or set Token instead of TokenFile.");

    [LoggerMessage(EventId = 1320, Level = LogLevel.Warning,
        Message = "KC1320: token file '{Path}' could not be used ({Reason}); keeping the last good token if there is one")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);
}
