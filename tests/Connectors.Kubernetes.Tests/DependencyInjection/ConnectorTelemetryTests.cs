using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Telemetry;
using Connectors.Kubernetes.Testing;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;

namespace Connectors.Kubernetes.Tests.DependencyInjection;

/// <summary>Traces, metrics and logs of injected clients: present, named Connectors.Kubernetes, and free of secrets.</summary>
public sealed class ConnectorTelemetryTests
{
    [Fact]
    public async Task Requests_failures_verification_and_refresh_are_traced_counted_and_logged_without_any_secret()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var limited = server.Identities.AddToken("limited", rules: [new LoopbackAccessRule(["get", "list"], ["namespaces"])]);
        using var temp = new Support.TempDirectory();
        var tokenFile = Path.Combine(temp.Path, "token");
        await limited.WriteTokenFileAsync(tokenFile);
        using var capture = new TelemetryCapture("kube-telemetry");
        var builder = ConnectorHost.Builder(ConnectorHost.Section(server, "kube-telemetry", token: null, tokenFile: tokenFile));
        builder.AddKubernetesConnectorClient("kube-telemetry");
        using var host = builder.Build();
        await host.StartAsync();

        var kubernetes = host.Services.GetRequiredKeyedService<IKubernetes>("kube-telemetry");
        var connector = host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-telemetry");
        await kubernetes.CoreV1.ListNamespaceAsync();
        var forbidden = await Assert.ThrowsAsync<HttpOperationException>(() => kubernetes.CoreV1.ListNamespacedSecretAsync("default"));
        Assert.Equal(403, (int)forbidden.Response.StatusCode);
        var rotated = limited.RotateToken();
        await limited.WriteTokenFileAsync(tokenFile);
        Assert.True(await connector.RefreshAsync());
        Assert.True((await connector.VerifyAsync()).Succeeded);
        Assert.NotEmpty(connector.Describe().Configuration);
        await host.StopAsync();

        Assert.Contains(capture.Activities, a => a.DisplayName == "kubernetes GET" && Equals(a.GetTagItem("http.response.status_code"), 200));
        Assert.Contains(capture.Activities, a => a.DisplayName == "kubernetes GET" && Equals(a.GetTagItem("error.type"), "forbidden"));
        Assert.Contains(capture.Activities, a => a.DisplayName == "kubernetes verify");
        Assert.Contains(capture.Activities, a => a.DisplayName == "kubernetes refresh");
        // The injected client's calls (verification has its own histogram).
        Assert.Equal(1, capture.Sum(KubernetesConnectorTelemetry.RequestsInstrument, "http.response.status_code", 200));
        Assert.Equal(1, capture.Sum(KubernetesConnectorTelemetry.RequestsInstrument, "http.response.status_code", 403));
        Assert.Equal(1, capture.Sum(KubernetesConnectorTelemetry.FailuresInstrument, KubernetesConnectorTelemetry.FailureTag, "forbidden"));
        Assert.Equal(1, capture.Sum(KubernetesConnectorTelemetry.RefreshesInstrument, "outcome", "changed"));
        Assert.Single(capture.Measurements, m => m.Instrument == KubernetesConnectorTelemetry.VerifyDurationInstrument && Equals(m.Tags[KubernetesConnectorTelemetry.FailureTag], "none"));

        var logs = host.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, l => l.Id.Id == 1410 && l.Message.Contains("'kube-telemetry' is ready", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Id.Id == 1412);
        Assert.Contains(logs, l => l.Id.Id == 1414);

        var secrets = new[] { rotated, server.Identities.Admin.Token! };
        var text = capture.AllText()
            .Concat(logs.SelectMany(l => new[] { l.Message, l.Exception?.ToString() ?? string.Empty }.Concat(l.StructuredState?.Select(s => s.Value ?? string.Empty) ?? [])))
            .Concat(connector.Describe().Configuration.Select(r => r.Value + r.Source))
            .Append(connector.Describe().ToText())
            .ToList();
        Assert.NotEmpty(text);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(text, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_failed_verification_is_counted_by_class_and_logged_with_its_code_only()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var capture = new TelemetryCapture("kube-denied");
        const string wrongToken = "wrong-token-must-never-be-logged";
        var spec = Clients.LoopbackSpecs.For(server, name: "kube-denied") with { Token = new SecretValue(wrongToken) };
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-denied"] = KubernetesConnectionString.Format(spec) });
        builder.AddKubernetesConnectorClient("kube-denied");
        using var host = builder.Build();
        await host.StartAsync();

        var result = await host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-denied").VerifyAsync();
        Assert.Equal(KubernetesClientErrorCodes.Unauthorized, result.Code);
        await host.StopAsync();

        Assert.True(capture.Sum(KubernetesConnectorTelemetry.FailuresInstrument, KubernetesConnectorTelemetry.FailureTag, "unauthorized") >= 1);
        var logs = host.Services.GetFakeLogCollector().GetSnapshot();
        var failed = Assert.Single(logs, l => l.Id.Id == 1413);
        Assert.Contains(KubernetesClientErrorCodes.Unauthorized, failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs, l => l.Message.Contains(wrongToken, StringComparison.Ordinal));
        Assert.DoesNotContain(capture.AllText(), t => t.Contains(wrongToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisableTracing_and_DisableMetrics_silence_the_connector()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var capture = new TelemetryCapture("kube-quiet");
        var builder = ConnectorHost.Builder(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kube-quiet"] = ConnectorHost.ConnectionString(server, name: "kube-quiet"),
            ["Connectors:Kubernetes:kube-quiet:DisableTracing"] = "true",
            ["Connectors:Kubernetes:kube-quiet:DisableMetrics"] = "true",
        });
        builder.AddKubernetesConnectorClient("kube-quiet");
        using var host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredKeyedService<IKubernetes>("kube-quiet").CoreV1.ListNamespaceAsync();
        Assert.True((await host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-quiet").VerifyAsync()).Succeeded);
        await host.StopAsync();

        Assert.Empty(capture.Activities);
        Assert.Empty(capture.Measurements);
    }
}
