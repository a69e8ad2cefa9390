namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// Keeps a short-lived token fresh in a file: fetches it (an exec plugin run, a kubeconfig re-read), writes
/// it with mode 0600, and fetches again well before it expires — so components that read
/// <c>TokenFile</c> never hold an expired credential (ZenML's most reported problem). A failed refresh
/// keeps the last token and retries with back-off until it works.
/// </summary>
public sealed class KubernetesTokenFileRefresher : IAsyncDisposable
{
    /// <summary>How often a token without a known expiry is fetched again.</summary>
    public static readonly TimeSpan UnknownExpiryPeriod = TimeSpan.FromMinutes(5);

    /// <summary>The least time before expiry a refresh is attempted.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    /// <summary>The first wait after a failed refresh; it doubles up to <see cref="MaximumRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between failed refreshes.</summary>
    public static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan MinimumDelay = TimeSpan.FromSeconds(1);

    private readonly Func<CancellationToken, Task<KubernetesCredential>> fetch;
    private readonly TimeProvider timeProvider;
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    /// <summary>Creates a refresher writing to <paramref name="path"/>.</summary>
    /// <param name="path">The token file.</param>
    /// <param name="fetch">Fetches a fresh token; throws (a <see cref="KubernetesConnectorException"/> preferably) on failure.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    public KubernetesTokenFileRefresher(string path, Func<CancellationToken, Task<KubernetesCredential>> fetch, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(fetch);
        Path = System.IO.Path.GetFullPath(path);
        this.fetch = fetch;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Raised after every refresh attempt in the background, successful or not.</summary>
    public event EventHandler<KubernetesTokenRefreshedEventArgs>? Refreshed;

    /// <summary>The token file.</summary>
    public string Path { get; }

    /// <summary>The expiry of the token in the file.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>How many tokens have been written.</summary>
    public int WriteCount { get; private set; }

    /// <summary>
    /// The wait before the next refresh: 80% of the remaining lifetime, but at least
    /// <see cref="ExpiryMargin"/> before expiry; <see cref="UnknownExpiryPeriod"/> when the expiry is unknown.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="expiresAt">The token's expiry.</param>
    /// <returns>The wait, never less than one second.</returns>
    public static TimeSpan NextRefreshDelay(DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        if (expiresAt is null)
        {
            return UnknownExpiryPeriod;
        }

        var remaining = expiresAt.Value - now;
        var delay = TimeSpan.FromTicks(Math.Min((long)(remaining.Ticks * 0.8), (remaining - ExpiryMargin).Ticks));
        return delay < MinimumDelay ? MinimumDelay : delay;
    }

    /// <summary>Writes the first token (fetched, or <paramref name="initial"/>), then keeps refreshing it in the background.</summary>
    /// <param name="cancellationToken">Cancels the first fetch.</param>
    /// <param name="initial">A token the caller already holds, written instead of a first fetch.</param>
    /// <returns>A task completed once the file holds a token.</returns>
    /// <exception cref="KubernetesConnectorException">The first token could not be fetched or written (<c>KC4104</c>).</exception>
    public async Task StartAsync(CancellationToken cancellationToken, KubernetesCredential? initial = null)
    {
        if (loop is not null)
        {
            throw new InvalidOperationException("The refresher has already started.");
        }

        await RefreshOnceAsync(initial, cancellationToken).ConfigureAwait(false);
        // Runs synchronously up to its first wait, so the timer is armed before StartAsync returns.
        loop = RunAsync(stopping.Token);
    }

    /// <summary>Stops refreshing and deletes the token file.</summary>
    /// <returns>A task completed once stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }

        stopping.Dispose();
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var retryDelay = FirstRetryDelay;
        var delay = NextRefreshDelay(timeProvider.GetUtcNow(), ExpiresAt);
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            try
            {
                await RefreshOnceAsync(null, cancellationToken).ConfigureAwait(false);
                retryDelay = FirstRetryDelay;
                delay = NextRefreshDelay(timeProvider.GetUtcNow(), ExpiresAt);
                Refreshed?.Invoke(this, new KubernetesTokenRefreshedEventArgs(true, ExpiresAt, null));
            }
            catch (KubernetesConnectorException failure)
            {
                delay = retryDelay;
                retryDelay = retryDelay * 2 > MaximumRetryDelay ? MaximumRetryDelay : retryDelay * 2;
                Refreshed?.Invoke(this, new KubernetesTokenRefreshedEventArgs(false, ExpiresAt, failure));
            }
        }
    }

    private async Task RefreshOnceAsync(KubernetesCredential? given, CancellationToken cancellationToken)
    {
        KubernetesCredential credential;
        try
        {
            credential = given ?? await fetch(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var detail = e is KubernetesConnectorException coded ? coded.Code + ": " + coded.Message : e.GetType().Name;
            throw new KubernetesConnectorException(
                KubernetesHostingErrorCodes.RefreshFailed,
                "Refreshing the token in '" + Path + "' failed (" + detail + "). The last token stays in place until it expires; the refresh is retried.",
                e);
        }

        try
        {
            TokenFileWriter.Write(Path, credential.Token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubernetesConnectorException(
                KubernetesHostingErrorCodes.RefreshFailed,
                "Writing the token file '" + Path + "' failed: " + e.Message + ". Check that the directory is writable by the app host's user.",
                e);
        }

        ExpiresAt = credential.ExpiresAt;
        WriteCount++;
    }
}
