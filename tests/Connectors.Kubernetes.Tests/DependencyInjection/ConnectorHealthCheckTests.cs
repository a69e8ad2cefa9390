using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.HealthChecks;
using Connectors.Kubernetes.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Connectors.Kubernetes.Tests.DependencyInjection;

/// <summary>One health check per connector, backed by verify with a timeout and a result cache.</summary>
public sealed class ConnectorHealthCheckTests
{
    [Fact]
    public async Task A_working_connector_is_healthy_with_tags_and_secret_free_data()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var host = await StartAsync(ConnectorHost.ConnectionString(server));

        var report = await ConnectorHost.CheckHealthAsync(host);
        var entry = report.Entries[KubernetesHealthCheckNames.For("kube-auto")];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains(server.Identities.Admin.UserName, entry.Description, StringComparison.Ordinal);
        Assert.Equal(["kubernetes", "connector"], entry.Tags);
        Assert.Equal("none", entry.Data["failure"]);
        Assert.Equal("v1.32.0", entry.Data["serverVersion"]);
        Assert.DoesNotContain(entry.Data.Values, v => v.ToString()!.Contains(server.Identities.Admin.Token!, StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_rejected_token_is_unhealthy_with_the_unauthorized_code()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var spec = Clients.LoopbackSpecs.For(server, name: "kube-auto") with { Token = new SecretValue("not-a-token-the-server-knows") };
        using var host = await StartAsync(KubernetesConnectionString.Format(spec));

        var entry = (await ConnectorHost.CheckHealthAsync(host)).Entries[KubernetesHealthCheckNames.For("kube-auto")];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("unauthorized", entry.Data["failure"]);
        Assert.Equal(KubernetesClientErrorCodes.Unauthorized, entry.Data["code"]);
        Assert.Contains(KubernetesClientErrorCodes.Unauthorized, entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token-the-server-knows", entry.Description, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_unreachable_server_is_unhealthy_with_the_unreachable_code()
    {
        string connectionString;
        await using (var server = await LoopbackKubernetesServer.StartAsync())
        {
            connectionString = ConnectorHost.ConnectionString(server);
        }

        using var host = await StartAsync(connectionString);
        var entry = (await ConnectorHost.CheckHealthAsync(host)).Entries[KubernetesHealthCheckNames.For("kube-auto")];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("unreachable", entry.Data["failure"]);
        Assert.Equal(KubernetesClientErrorCodes.Unreachable, entry.Data["code"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_slow_server_is_unhealthy_within_the_health_check_timeout()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        server.Faults.Latency = TimeSpan.FromSeconds(5);
        using var host = await StartAsync(ConnectorHost.ConnectionString(server), new() { ["Connectors:Kubernetes:kube-auto:HealthCheckTimeout"] = "00:00:00.300" });

        var started = DateTime.UtcNow;
        var entry = (await ConnectorHost.CheckHealthAsync(host)).Entries[KubernetesHealthCheckNames.For("kube-auto")];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("timeout", entry.Data["failure"]);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4));
        server.Faults.Latency = TimeSpan.Zero;
        await host.StopAsync();
    }

    [Fact]
    public async Task Probes_within_the_cache_duration_reuse_one_verification()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var host = await StartAsync(ConnectorHost.ConnectionString(server));
        var versionCalls = () => server.Requests.Count(r => r.Path.TrimEnd('/') == "/version");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ConnectorHost.CheckHealthAsync(host)));
        await ConnectorHost.CheckHealthAsync(host);
        Assert.Equal(1, versionCalls());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_zero_cache_duration_asks_the_server_on_every_probe()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var host = await StartAsync(ConnectorHost.ConnectionString(server), new() { ["Connectors:Kubernetes:kube-auto:HealthCheckCacheDuration"] = "00:00:00" });

        await ConnectorHost.CheckHealthAsync(host);
        await ConnectorHost.CheckHealthAsync(host);
        Assert.Equal(2, server.Requests.Count(r => r.Path.TrimEnd('/') == "/version"));
        await host.StopAsync();
    }

    [Fact]
    public async Task DisableHealthChecks_registers_none()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var host = await StartAsync(ConnectorHost.ConnectionString(server), new() { ["Connectors:Kubernetes:kube-auto:DisableHealthChecks"] = "true" });

        Assert.Null(host.Services.GetService<HealthCheckService>());
        Assert.Empty(host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);
        await host.StopAsync();
    }

    private static async Task<IHost> StartAsync(string connectionString, Dictionary<string, string?>? extra = null)
    {
        var configuration = new Dictionary<string, string?>(extra ?? []) { ["ConnectionStrings:kube-auto"] = connectionString };
        var builder = ConnectorHost.Builder(configuration);
        builder.AddKubernetesConnectorClient("kube-auto");
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
