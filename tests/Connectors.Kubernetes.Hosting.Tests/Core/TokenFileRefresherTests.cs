using Connectors.Kubernetes.Hosting.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Kubernetes.Hosting.Tests.Core;

/// <summary>The token-file refresher: 0600 file, atomic replace, refresh before expiry, retry on failure.</summary>
public sealed class TokenFileRefresherTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(900, 720)] // a 15-minute token is refreshed after 12 minutes (80%)
    [InlineData(100, 70)] // never later than 30 s before expiry
    [InlineData(20, 1)] // already inside the margin: as soon as possible
    [InlineData(-5, 1)] // already expired
    public void The_next_refresh_comes_well_before_expiry(int secondsLeft, int expectedDelaySeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedDelaySeconds), KubernetesTokenFileRefresher.NextRefreshDelay(Start, Start.AddSeconds(secondsLeft)));
    }

    [Fact]
    public void A_token_without_expiry_is_refetched_periodically()
    {
        Assert.Equal(KubernetesTokenFileRefresher.UnknownExpiryPeriod, KubernetesTokenFileRefresher.NextRefreshDelay(Start, null));
    }

    [Fact]
    public async Task The_token_is_written_to_a_file_only_its_owner_can_read_and_deleted_on_dispose()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "kube-dev.token");
        var refresher = new KubernetesTokenFileRefresher(path, _ => Task.FromResult(new KubernetesCredential(new SecretValue("first"), null)));

        await refresher.StartAsync(CancellationToken.None);

        Assert.Equal("first", await File.ReadAllTextAsync(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(directory.Path).Select(Path.GetFileName));
        await refresher.DisposeAsync();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task The_token_is_refreshed_before_it_expires_and_replaced_in_place()
    {
        using var directory = new TemporaryDirectory();
        var time = new FakeTimeProvider(Start);
        var issued = 0;
        var path = Path.Combine(directory.Path, "kube-dev.token");
        await using var refresher = new KubernetesTokenFileRefresher(
            path,
            _ =>
            {
                issued++;
                return Task.FromResult(new KubernetesCredential(new SecretValue("token-" + issued), time.GetUtcNow().AddMinutes(15)));
            },
            time);
        var refreshed = new SemaphoreSlim(0);
        refresher.Refreshed += (_, e) => refreshed.Release();

        await refresher.StartAsync(CancellationToken.None);
        Assert.Equal("token-1", await File.ReadAllTextAsync(path));

        await WaitForTimerAsync(time);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, issued); // not yet: 80% of 15 minutes is 12
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await refreshed.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("token-2", await File.ReadAllTextAsync(path));
        Assert.Equal(Start.AddMinutes(12 + 15), refresher.ExpiresAt);
        Assert.Equal(2, refresher.WriteCount);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_last_token_reports_a_coded_failure_and_retries()
    {
        using var directory = new TemporaryDirectory();
        var time = new FakeTimeProvider(Start);
        var calls = 0;
        var path = Path.Combine(directory.Path, "kube-dev.token");
        await using var refresher = new KubernetesTokenFileRefresher(
            path,
            _ =>
            {
                calls++;
                return calls == 2
                    ? throw new KubernetesConnectorException("KC1300", "the exec plugin exited with code 1")
                    : Task.FromResult(new KubernetesCredential(new SecretValue("token-" + calls), time.GetUtcNow().AddMinutes(10)));
            },
            time);
        var outcomes = new List<KubernetesTokenRefreshedEventArgs>();
        var refreshed = new SemaphoreSlim(0);
        refresher.Refreshed += (_, e) =>
        {
            lock (outcomes)
            {
                outcomes.Add(e);
            }

            refreshed.Release();
        };

        await refresher.StartAsync(CancellationToken.None);
        await WaitForTimerAsync(time);
        time.Advance(TimeSpan.FromMinutes(8));
        Assert.True(await refreshed.WaitAsync(TimeSpan.FromSeconds(10)));

        var failure = Assert.Single(outcomes);
        Assert.False(failure.Succeeded);
        Assert.Equal("KC4104", failure.Failure!.Code);
        Assert.Contains("KC1300", failure.Failure.Message, StringComparison.Ordinal);
        Assert.Equal("token-1", await File.ReadAllTextAsync(path));

        await WaitForTimerAsync(time);
        time.Advance(KubernetesTokenFileRefresher.FirstRetryDelay);
        Assert.True(await refreshed.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(outcomes[1].Succeeded);
        Assert.Equal("token-3", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_first_fetch_that_fails_is_a_coded_error_without_a_file()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "kube-dev.token");
        await using var refresher = new KubernetesTokenFileRefresher(path, _ => throw new InvalidOperationException("secret-looking detail"));

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => refresher.StartAsync(CancellationToken.None));

        Assert.Equal("KC4104", error.Code);
        Assert.DoesNotContain("secret-looking detail", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    /// <summary>
    /// Lets the refresh loop arm its next timer: it raises Refreshed just before it does, so a test released
    /// by the event must not move the fake clock in that instant.
    /// </summary>
    private static Task WaitForTimerAsync(FakeTimeProvider time)
    {
        _ = time;
        return Task.Delay(50);
    }
}
