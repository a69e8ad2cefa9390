using Microsoft.Extensions.Logging.Testing;
using Connectors.Kubernetes.Telemetry;
using Connectors.Kubernetes.Testing;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connectors.Kubernetes.Tests.DependencyInjection;

/// <summary>Credentials that rotate or expire while components hold their injected client.</summary>
public sealed class ConnectorRefreshTests
{
    [Fact]
    public async Task A_running_component_keeps_working_across_a_token_rotation_without_resolving_its_client_again()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var robot = server.Identities.AddToken("robot");
        using var temp = new Support.TempDirectory();
        var tokenFile = Path.Combine(temp.Path, "token");
        await robot.WriteTokenFileAsync(tokenFile);
        var builder = ConnectorHost.Builder(ConnectorHost.Section(server, "kube-auto", token: null, tokenFile: tokenFile));
        builder.AddKubernetesConnectorClient("kube-auto");
        builder.Services.AddSingleton<PollingComponent>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<PollingComponent>());
        using var host = builder.Build();
        await host.StartAsync();
        var component = host.Services.GetRequiredService<PollingComponent>();

        await component.WaitForSuccessesAsync(3);
        for (var rotation = 0; rotation < 3; rotation++)
        {
            robot.RotateToken();
            await robot.WriteTokenFileAsync(tokenFile);
            var before = component.Successes;
            await component.WaitForSuccessesAsync(before + 3);
        }

        await host.StopAsync();
        Assert.Empty(component.Failures);
        Assert.Equal(1, component.Resolutions);

        // Each rotation was noticed by a rejected request, answered with the new token, never surfaced.
        var robotRequests = server.Requests.Where(r => r.User == "robot" || r.StatusCode == 401).ToList();
        Assert.Contains(robotRequests, r => r.StatusCode == 401);
        Assert.True(robotRequests.Count(r => r.StatusCode == 200) > 9);
    }

    [Fact]
    public async Task An_explicit_refresh_picks_up_a_rotated_token_before_any_request_is_rejected()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var robot = server.Identities.AddToken("robot");
        using var temp = new Support.TempDirectory();
        var tokenFile = Path.Combine(temp.Path, "token");
        await robot.WriteTokenFileAsync(tokenFile);
        var builder = ConnectorHost.Builder(ConnectorHost.Section(server, "kube-auto", token: null, tokenFile: tokenFile));
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();
        await host.StartAsync();
        var kubernetes = host.Services.GetRequiredKeyedService<IKubernetes>("kube-auto");
        var connector = host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-auto");
        await kubernetes.CoreV1.ListNamespaceAsync();

        robot.RotateToken();
        await robot.WriteTokenFileAsync(tokenFile);
        Assert.True(await connector.RefreshAsync());
        Assert.False(await connector.RefreshAsync());
        var rejectedBefore = server.Requests.Count(r => r.StatusCode == 401);
        await kubernetes.CoreV1.ListNamespaceAsync();
        Assert.Equal(rejectedBefore, server.Requests.Count(r => r.StatusCode == 401));
        await host.StopAsync();
    }

    [Fact]
    public async Task Credentials_that_expire_soon_are_refreshed_in_the_background_before_expiry()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var robot = server.Identities.AddToken("robot");
        using var temp = new Support.TempDirectory();
        var tokenFile = Path.Combine(temp.Path, "token");
        await robot.WriteTokenFileAsync(tokenFile);
        using var capture = new TelemetryCapture("kube-expiring");
        var configuration = ConnectorHost.Section(server, "kube-expiring", token: null, tokenFile: tokenFile);
        configuration["Connectors:Kubernetes:kube-expiring:ExpiresAt"] = DateTimeOffset.UtcNow.AddMinutes(30).ToString("O");
        configuration["Connectors:Kubernetes:kube-expiring:RefreshBeforeExpiry"] = "01:00:00";
        var builder = ConnectorHost.Builder(configuration);
        builder.AddKubernetesConnectorClient("kube-expiring");
        using var host = builder.Build();
        await host.StartAsync();

        var connector = host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-expiring");
        Assert.NotNull(connector.ExpiresAt);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (capture.Sum(KubernetesConnectorTelemetry.RefreshesInstrument) < 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, capture.Sum(KubernetesConnectorTelemetry.RefreshesInstrument));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_static_token_whose_expiry_comes_within_RefreshBeforeExpiry_is_warned_about_with_KC1406()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var spec = Clients.LoopbackSpecs.For(server, name: "kube-auto") with { ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) };
        var builder = ConnectorHost.Builder(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kube-auto"] = KubernetesConnectionString.Format(spec),
            ["Connectors:Kubernetes:kube-auto:RefreshBeforeExpiry"] = "02:00:00",
        });
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();
        await host.StartAsync();

        var logs = host.Services.GetFakeLogCollector();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!logs.GetSnapshot().Any(l => l.Id.Id == 1406) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains(logs.GetSnapshot(), l => l.Id.Id == 1406 && l.Message.StartsWith("KC1406", StringComparison.Ordinal));
        Assert.Equal(spec.ExpiresAt!.Value.UtcTicks, host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-auto").ExpiresAt!.Value.UtcTicks);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_static_token_with_a_distant_expiry_is_not_warned_about_yet()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var spec = Clients.LoopbackSpecs.For(server, name: "kube-auto") with { ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) };
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-auto"] = KubernetesConnectionString.Format(spec) });
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredKeyedService<IKubernetes>("kube-auto").CoreV1.ListNamespaceAsync();
        await Task.Delay(200);
        Assert.DoesNotContain(host.Services.GetFakeLogCollector().GetSnapshot(), l => l.Id.Id == 1406);
        await host.StopAsync();
    }

    /// <summary>A component that resolves its client once and keeps calling the API.</summary>
    private sealed class PollingComponent(IServiceProvider services) : BackgroundService
    {
        private int _successes;

        public int Successes => Volatile.Read(ref _successes);

        public int Resolutions { get; private set; }

        public List<Exception> Failures { get; } = [];

        public async Task WaitForSuccessesAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Successes < count && Failures.Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Empty(Failures);
            Assert.True(Successes >= count, "the component made " + Successes + " successful calls, expected " + count);
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var kubernetes = services.GetRequiredKeyedService<IKubernetes>("kube-auto");
            Resolutions++;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await kubernetes.CoreV1.ListNamespaceAsync(cancellationToken: stoppingToken);
                    Interlocked.Increment(ref _successes);
                    await Task.Delay(30, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    lock (Failures)
                    {
                        Failures.Add(e);
                    }

                    return;
                }
            }
        }
    }
}
