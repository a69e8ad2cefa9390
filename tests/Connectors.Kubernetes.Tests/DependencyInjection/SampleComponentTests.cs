using System.Net;
using Connectors.Kubernetes.Testing;
using Connectors.Playground.ModelDeployer;
using Connectors.Playground.Orchestrator;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connectors.Kubernetes.Tests.DependencyInjection;

/// <summary>The playground's orchestrator and model deployer, end to end against the loopback cluster through injected clients.</summary>
public sealed class SampleComponentTests
{
    [Fact]
    public async Task The_orchestrator_runs_a_step_as_a_Job_streams_its_log_and_reports_success()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { JobDuration = TimeSpan.FromMilliseconds(400) });
        using var host = await StartAsync(server, builder => builder.AddOrchestrator());
        var runner = host.Services.GetRequiredService<OrchestratorComponent>().Runner("default");
        var streamed = new List<string>();

        var result = await runner.RunAsync(
            new PipelineStep("train-model", "trainer:1") { Command = ["python", "train.py"], Annotations = new Dictionary<string, string> { ["loopback.connectors.test/log"] = "epoch 1\nepoch 2" } },
            streamed.Add);

        Assert.True(result.Succeeded);
        Assert.Equal("train-model", result.JobName);
        Assert.Equal(["epoch 1", "epoch 2"], result.LogLines.Where(l => l.StartsWith("epoch", StringComparison.Ordinal)));
        Assert.Contains("Job train-model completed", result.LogLines[^1], StringComparison.Ordinal);
        Assert.Equal(result.LogLines, streamed);
        var job = await host.Services.GetRequiredKeyedService<IKubernetes>("kube-auto").BatchV1.ReadNamespacedJobAsync("train-model", "default");
        Assert.Equal(["python", "train.py"], job.Spec.Template.Spec.Containers[0].Command);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_orchestrator_reports_a_failed_step_with_its_reason()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { JobDuration = TimeSpan.FromMilliseconds(300), JobOutcome = LoopbackJobOutcome.Failed });
        using var host = await StartAsync(server, builder => builder.AddOrchestrator());

        var result = await host.Services.GetRequiredService<OrchestratorComponent>().Runner("default").RunAsync(new PipelineStep("evaluate", "evaluator:1"));

        Assert.False(result.Succeeded);
        Assert.Equal("BackoffLimitExceeded", result.Reason);
        Assert.Contains("Job evaluate failed with exit code 1", result.LogLines[^1], StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_model_deployer_rolls_out_reports_the_endpoint_updates_in_place_and_tears_down()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { DeploymentReadyDelay = TimeSpan.FromMilliseconds(700) });
        using var host = await StartAsync(server, builder => ModelDeployerComponent.AddTo(builder));
        var kubernetes = host.Services.GetRequiredKeyedService<IKubernetes>("kube-auto");
        var deployment = host.Services.GetRequiredService<ModelDeployerComponent>().Deployment("default");

        var endpoint = await deployment.DeployAsync(new ModelDeploymentRequest("iris", "iris-server:1") { Replicas = 2, Port = 9000 });
        Assert.Equal(2, endpoint.ReadyReplicas);
        Assert.False(string.IsNullOrEmpty(endpoint.ClusterIp));
        Assert.Equal(new Uri("http://iris.default.svc.cluster.local:9000"), endpoint.Url);
        var pods = await kubernetes.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app.kubernetes.io/name=iris");
        Assert.Equal(2, pods.Items.Count);

        var updated = await deployment.DeployAsync(new ModelDeploymentRequest("iris", "iris-server:2") { Replicas = 1, Port = 9000 });
        Assert.Equal(1, updated.ReadyReplicas);
        Assert.Equal(endpoint.ClusterIp, updated.ClusterIp);
        var rolled = await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("iris", "default");
        Assert.Equal("iris-server:2", rolled.Spec.Template.Spec.Containers[0].Image);

        await deployment.TeardownAsync("iris");
        await deployment.TeardownAsync("iris"); // idempotent
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<HttpOperationException>(() => kubernetes.AppsV1.ReadNamespacedDeploymentAsync("iris", "default"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<HttpOperationException>(() => kubernetes.CoreV1.ReadNamespacedServiceAsync("iris", "default"))).Response.StatusCode);
        await host.StopAsync();
    }

    private static async Task<IHost> StartAsync(LoopbackKubernetesServer server, Action<IHostApplicationBuilder> add)
    {
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-auto"] = ConnectorHost.ConnectionString(server) });
        add(builder);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
