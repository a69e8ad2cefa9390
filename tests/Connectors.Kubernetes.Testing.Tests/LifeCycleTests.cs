using System.Text.Json.Nodes;
using System.Threading.Channels;
using Connectors.Kubernetes.Testing.Tests.Support;
using k8s;
using k8s.Models;

namespace Connectors.Kubernetes.Testing.Tests;

/// <summary>The simulated controllers: jobs run a pod to completion or failure, deployments become ready.</summary>
public sealed class LifeCycleTests
{
    [Theory]
    [InlineData(LoopbackJobOutcome.Complete, "Complete", "Succeeded")]
    [InlineData(LoopbackJobOutcome.Failed, "Failed", "Failed")]
    public async Task A_job_runs_one_pod_and_reaches_its_configured_outcome(LoopbackJobOutcome outcome, string condition, string podPhase)
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { JobOutcome = outcome, JobDuration = TimeSpan.FromMilliseconds(300) });
        using var client = Clients.Official(server);
        await client.BatchV1.CreateNamespacedJobAsync(Job("train", logLines: "epoch 1\nepoch 2"), "default");

        V1Job job = null!;
        await ResourceTests.Eventually(async () =>
        {
            job = await client.BatchV1.ReadNamespacedJobAsync("train", "default");
            return job.Status?.Conditions?.Any(c => c.Type == condition && c.Status == "True") == true;
        });
        Assert.NotNull(job.Status.StartTime);
        Assert.Equal(0, job.Status.Active);
        Assert.Equal(outcome == LoopbackJobOutcome.Complete ? 1 : null, job.Status.Succeeded);
        Assert.Equal(outcome == LoopbackJobOutcome.Failed ? 1 : null, job.Status.Failed);

        var pod = Assert.Single((await client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "job-name=train")).Items);
        Assert.Equal(podPhase, pod.Status.Phase);
        Assert.Equal("train", pod.Metadata.OwnerReferences.Single().Name);
        Assert.Equal(outcome == LoopbackJobOutcome.Complete ? 0 : 1, pod.Status.ContainerStatuses.Single().State.Terminated.ExitCode);

        using var logStream = await client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, "default");
        var log = await new StreamReader(logStream).ReadToEndAsync();
        Assert.Contains("epoch 1\nepoch 2\n", log);
        Assert.Contains(outcome == LoopbackJobOutcome.Complete ? "Job train completed" : "Job train failed with exit code 1", log);
    }

    [Fact]
    public async Task Annotations_override_the_outcome_and_duration_per_job_and_follow_streams_logs_until_the_end()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { JobDuration = TimeSpan.FromMinutes(10) });
        using var client = Clients.Official(server);
        var job = Job("quick", logLines: "hello");
        job.Metadata.Annotations["loopback.connectors.test/duration"] = "700ms";
        job.Metadata.Annotations["loopback.connectors.test/outcome"] = "Failed";
        await client.BatchV1.CreateNamespacedJobAsync(job, "default");

        V1Pod? pod = null;
        await ResourceTests.Eventually(async () => (pod = (await client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "job-name=quick")).Items.FirstOrDefault()) is not null);
        using var logStream = await client.CoreV1.ReadNamespacedPodLogAsync(pod!.Metadata.Name, "default", follow: true);
        var log = await new StreamReader(logStream).ReadToEndAsync();
        Assert.Contains("hello\n", log);
        Assert.EndsWith("Job quick failed with exit code 1\n", log);
        var finished = await client.BatchV1.ReadNamespacedJobAsync("quick", "default");
        Assert.Contains(finished.Status.Conditions, c => c.Type == "Failed" && c.Reason == "BackoffLimitExceeded");
    }

    [Fact]
    public async Task A_deployment_reaches_ready_replicas_and_rolls_its_pods_on_a_new_template()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var client = Clients.Official(server);
        await client.AppsV1.CreateNamespacedDeploymentAsync(ResourceTests.Deployment("web", "web:1", replicas: 3), "default");
        await WaitReady(client, "web", 3, generation: 1);
        var firstPods = (await client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=web")).Items;
        Assert.Equal(3, firstPods.Count);
        Assert.All(firstPods, p => Assert.Equal("Running", p.Status.Phase));

        var patch = new V1Patch("""{"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"main","image":"web:2"}]}}}}""", V1Patch.PatchType.StrategicMergePatch);
        await client.AppsV1.PatchNamespacedDeploymentAsync(patch, "web", "default");
        await WaitReady(client, "web", 2, generation: 2);
        var pods = (await client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=web")).Items;
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.Equal("web:2", p.Spec.Containers[0].Image));
        Assert.Empty(pods.Select(p => p.Metadata.Name).Intersect(firstPods.Select(p => p.Metadata.Name)));

        var scale = await client.AppsV1.ReadNamespacedDeploymentScaleAsync("web", "default");
        Assert.Equal(2, scale.Spec.Replicas);
        Assert.Equal("app=web", scale.Status.Selector);
    }

    [Fact]
    public async Task A_controller_step_that_fails_does_not_stop_the_controller()
    {
        // E.g. the kubelet stand-in handling a pod that was deleted before it got to it: the API
        // refusal ends that step, and the next change is still handled.
        var store = new Store.ObjectStore(TimeProvider.System);
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var handled = Channel.CreateUnbounded<string>();
        var loop = Life.ControllerLoop.Run(store, Api.ApiCatalog.Namespaces, (change, _) =>
        {
            var name = change.Object["metadata"]!["name"]!.GetValue<string>();
            if (name == "refused")
            {
                throw Api.ApiException.NotFound(Api.ApiCatalog.Namespaces, name);
            }

            handled.Writer.TryWrite(name);
            return Task.CompletedTask;
        }, stopping.Token);

        store.Create(Api.ApiCatalog.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "refused" } });
        store.Create(Api.ApiCatalog.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "handled" } });
        Assert.Equal("handled", await handled.Reader.ReadAsync(stopping.Token));
        await stopping.CancelAsync();
        await loop;
    }

    private static async Task WaitReady(k8s.Kubernetes client, string name, int replicas, long generation)
    {
        await ResourceTests.Eventually(async () =>
        {
            var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync(name, "default");
            return deployment.Status?.ObservedGeneration == generation && deployment.Status.ReadyReplicas == replicas && deployment.Status.AvailableReplicas == replicas
                && deployment.Status.Conditions.Any(c => c.Type == "Available" && c.Status == "True");
        });
    }

    private static V1Job Job(string name, string logLines) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Annotations = new Dictionary<string, string> { ["loopback.connectors.test/log"] = logLines } },
        Spec = new V1JobSpec
        {
            BackoffLimit = 0,
            Template = new V1PodTemplateSpec { Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "main", Image = "trainer:1" }] } },
        },
    };
}
