using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Kubeconfig;
using Microsoft.Extensions.Logging;

namespace Connectors.Kubernetes.Credentials;

/// <summary>
/// A bearer token issued by a client-go exec plugin (<c>aws eks get-token</c>, <c>gke-gcloud-auth-plugin</c>,
/// <c>kubelogin</c>…). The plugin is run on first use, again shortly before the token's
/// <c>expirationTimestamp</c>, and again after a 401; concurrent requests share one run.
/// </summary>
internal sealed partial class ExecCredentialSource : ICredentialSource
{
    // Renew a little before the stated expiry so a request in flight does not carry a dying token.
    private static readonly TimeSpan s_expirySkew = TimeSpan.FromSeconds(10);

    private readonly KubernetesExecConfig _command;
    private readonly ExecClusterInfo? _cluster;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KubernetesCredential? _current;

    public ExecCredentialSource(KubernetesExecConfig command, ExecClusterInfo? cluster, TimeSpan timeout, TimeProvider time, ILogger logger)
    {
        _command = command;
        _cluster = command.ProvideClusterInfo ? cluster : null;
        _timeout = timeout;
        _time = time;
        _logger = logger;
    }

    /// <summary>How many times the plugin ran (for tests and diagnostics).</summary>
    public int Runs { get; private set; }

    public async ValueTask<KubernetesCredential> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && IsFresh(current))
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null || !IsFresh(_current))
            {
                Volatile.Write(ref _current, await RunAsync(cancellationToken).ConfigureAwait(false));
            }

            return _current;
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
            if (_current is not null && !_current.SameSecretAs(rejected))
            {
                return _current;
            }

            var fresh = await RunAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, fresh);
            return fresh.SameSecretAs(rejected) ? null : fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(KubernetesCredential credential) =>
        credential.ExpiresAt is not { } expiresAt || _time.GetUtcNow() < expiresAt - s_expirySkew;

    private async Task<KubernetesCredential> RunAsync(CancellationToken cancellationToken)
    {
        if (string.Equals(_command.InteractiveMode, "Always", StringComparison.Ordinal))
        {
            throw new KubernetesConnectorException(
                KubernetesErrorCodes.ExecPluginNeedsTerminal,
                $"the exec credential plugin '{_command.Command}' needs a terminal (interactiveMode: Always), and a client has none. "
                + "Log in interactively first, or configure the plugin to run without prompting.");
        }

        var start = new ProcessStartInfo(_command.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in _command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _command.Environment)
        {
            start.Environment[name] = value;
        }

        // client-go tells the plugin it may not prompt: there is no terminal behind a service.
        start.Environment["KUBERNETES_EXEC_INFO"] = JsonSerializer.Serialize(
            new ExecInfo(_command.ApiVersion) { Spec = new ExecInfoSpec { Cluster = _cluster } }, ExecInfoJsonContext.Default.ExecInfo);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new KubernetesConnectorException(
                KubernetesErrorCodes.ExecPluginFailed,
                $"the exec credential plugin '{_command.Command}' could not be started ({e.Message}). "
                + "Install it or put its directory on PATH, or fix the command in the kubeconfig user entry.",
                e);
        }

        Runs++;
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            StopQuietly(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new KubernetesConnectorException(
                KubernetesErrorCodes.ExecPluginTimedOut,
                $"the exec credential plugin '{_command.Command}' did not finish within {_timeout.TotalSeconds:0.#} s and was stopped. "
                + "Check that it does not wait for input (it cannot prompt here) and that its identity provider is reachable.");
        }

        if (process.ExitCode != 0)
        {
            // Standard error may name the problem but may also hold secrets: log only its size.
            LogPluginFailed(_logger, _command.Command, process.ExitCode, (await stderr.ConfigureAwait(false)).Length);
            throw new KubernetesConnectorException(
                KubernetesErrorCodes.ExecPluginFailed,
                $"the exec credential plugin '{_command.Command}' exited with code {process.ExitCode}. "
                + "Run it by hand to see its error, then fix its login or configuration.");
        }

        var credential = ExecCredentialResponse.Parse(await stdout.ConfigureAwait(false), _command);
        LogPluginRan(_logger, _command.Command, credential.ExpiresAt);
        return credential;
    }

    private static void StopQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning,
        Message = "KC1212: exec credential plugin '{Command}' exited with code {ExitCode} ({StderrLength} characters on standard error)")]
    private static partial void LogPluginFailed(ILogger logger, string command, int exitCode, int stderrLength);

    [LoggerMessage(EventId = 1325, Level = LogLevel.Debug,
        Message = "Exec credential plugin '{Command}' issued a token expiring at {ExpiresAt}")]
    private static partial void LogPluginRan(ILogger logger, string command, DateTimeOffset? expiresAt);
}
