using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Connectors.Kubernetes.Testing.Tests;

/// <summary>Create, read, update, patch and delete of each kind through the official client, with the API server's errors.</summary>
public sealed class ResourceTests : IAsyncLifetime
{
    private LoopbackKubernetesServer _server = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { Namespaces = { "ml" } });
        _client = Clients.Official(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Namespaces_are_created_listed_read_and_deleted_with_their_objects()
    {
        var created = await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team-a", Labels = new Dictionary<string, string> { ["tier"] = "gold" } } });
        Assert.Equal("Active", created.Status.Phase);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Equal("team-a", created.Metadata.Labels["kubernetes.io/metadata.name"]);

        var gold = await _client.CoreV1.ListNamespaceAsync(labelSelector: "tier=gold");
        Assert.Equal(["team-a"], gold.Items.Select(n => n.Metadata.Name));

        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" } }, "team-a");
        await _client.CoreV1.DeleteNamespaceAsync("team-a");
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespaceAsync("team-a"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        var orphan = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedConfigMapAsync("settings", "team-a"));
        Assert.Equal(HttpStatusCode.NotFound, orphan.Response.StatusCode);
    }

    [Fact]
    public async Task Errors_are_Status_bodies_with_the_API_server_reasons()
    {
        var notFound = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedPodAsync("ghost", "ml"));
        Assert.Equal(HttpStatusCode.NotFound, notFound.Response.StatusCode);
        var status = JsonNode.Parse(notFound.Response.Content)!;
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
        Assert.Equal("pods \"ghost\" not found", status["message"]!.GetValue<string>());
        Assert.Equal("ghost", status["details"]!["name"]!.GetValue<string>());

        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["a"] = "1" } };
        await _client.CoreV1.CreateNamespacedConfigMapAsync(map, "ml");
        var exists = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(map, "ml"));
        Assert.Equal(HttpStatusCode.Conflict, exists.Response.StatusCode);
        Assert.Equal("AlreadyExists", JsonNode.Parse(exists.Response.Content)!["reason"]!.GetValue<string>());

        var invalid = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedPodAsync(
            new V1Pod { Metadata = new V1ObjectMeta { Name = "Bad_Name" }, Spec = new V1PodSpec { Containers = [] } }, "ml"));
        Assert.Equal((HttpStatusCode)422, invalid.Response.StatusCode);
        var body = JsonNode.Parse(invalid.Response.Content)!;
        Assert.Equal("Invalid", body["reason"]!.GetValue<string>());
        var fields = body["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        Assert.Contains("metadata.name", fields);
        Assert.Contains("spec.containers", fields);

        var noNamespace = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(map, "nowhere"));
        Assert.Equal(HttpStatusCode.NotFound, noNamespace.Response.StatusCode);
        Assert.Contains("namespaces \\\"nowhere\\\" not found", noNamespace.Response.Content);
    }

    [Fact]
    public async Task Updates_check_the_resource_version_and_bump_it()
    {
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, "ml");
        created.Data["a"] = "2";
        var updated = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "ml");
        Assert.Equal("2", updated.Data["a"]);
        Assert.True(long.Parse(updated.Metadata.ResourceVersion) > long.Parse(created.Metadata.ResourceVersion));

        created.Data["a"] = "stale";
        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "ml"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Equal("Conflict", JsonNode.Parse(conflict.Response.Content)!["reason"]!.GetValue<string>());
        Assert.Equal("2", (await _client.CoreV1.ReadNamespacedConfigMapAsync("settings", "ml")).Data["a"]);
    }

    [Fact]
    public async Task Merge_strategic_and_json_patches_apply()
    {
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("api", "img:1"), "ml");

        var merge = new V1Patch("""{"metadata":{"labels":{"stage":"beta"}},"spec":{"replicas":3}}""", V1Patch.PatchType.MergePatch);
        var merged = await _client.AppsV1.PatchNamespacedDeploymentAsync(merge, "api", "ml");
        Assert.Equal(3, merged.Spec.Replicas);
        Assert.Equal("beta", merged.Metadata.Labels["stage"]);

        // A strategic merge patch merges containers by name instead of replacing the list.
        var strategic = new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"side:1"},{"name":"main","image":"img:2"}]}}}}""", V1Patch.PatchType.StrategicMergePatch);
        var patched = await _client.AppsV1.PatchNamespacedDeploymentAsync(strategic, "api", "ml");
        var containers = patched.Spec.Template.Spec.Containers;
        Assert.Equal(["main", "sidecar"], containers.Select(c => c.Name));
        Assert.Equal("img:2", containers[0].Image);
        Assert.Equal(8080, containers[0].Ports[0].ContainerPort);

        var json = new V1Patch("""[{"op":"replace","path":"/spec/replicas","value":1},{"op":"remove","path":"/metadata/labels/stage"}]""", V1Patch.PatchType.JsonPatch);
        var jsonPatched = await _client.AppsV1.PatchNamespacedDeploymentAsync(json, "api", "ml");
        Assert.Equal(1, jsonPatched.Spec.Replicas);
        Assert.False(jsonPatched.Metadata.Labels.ContainsKey("stage"));
        Assert.True(jsonPatched.Metadata.Generation > merged.Metadata.Generation);

        var apply = new V1Patch("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","annotations":{"owner":"ml"}}}""", V1Patch.PatchType.ApplyPatch);
        var applied = await _client.AppsV1.PatchNamespacedDeploymentAsync(apply, "api", "ml", fieldManager: "tests");
        Assert.Equal("ml", applied.Metadata.Annotations["owner"]);
    }

    [Fact]
    public async Task Label_selectors_filter_lists()
    {
        foreach (var (name, labels) in new[] { ("a", "app=web,tier=front"), ("b", "app=web,tier=back"), ("c", "app=db") })
        {
            var map = labels.Split(',').Select(l => l.Split('=')).ToDictionary(p => p[0], p => p[1]);
            await _client.CoreV1.CreateNamespacedServiceAsync(new V1Service
            {
                Metadata = new V1ObjectMeta { Name = name, Labels = map },
                Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] },
            }, "ml");
        }

        async Task<string[]> Names(string selector) => [.. (await _client.CoreV1.ListNamespacedServiceAsync("ml", labelSelector: selector)).Items.Select(s => s.Metadata.Name)];
        Assert.Equal(["a", "b"], await Names("app=web"));
        Assert.Equal(["b", "c"], await Names("tier!=front"));
        Assert.Equal(["a"], await Names("tier in (front),app=web"));
        Assert.Equal(["c"], await Names("!tier"));
        Assert.Equal(["a", "b", "c"], await Names("app"));
        Assert.Equal(["a", "b"], await Names("app notin (db)"));

        var all = await _client.CoreV1.ListServiceForAllNamespacesAsync();
        Assert.Equal(3, all.Items.Count);
        Assert.All(all.Items, s => Assert.StartsWith("10.96.", s.Spec.ClusterIP, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secrets_fold_string_data_into_base64_data()
    {
        var secret = await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "creds" },
            StringData = new Dictionary<string, string> { ["password"] = "hunter2" },
        }, "ml");
        Assert.Equal("Opaque", secret.Type);
        Assert.Null(secret.StringData);
        Assert.Equal("hunter2", Encoding.UTF8.GetString(secret.Data["password"]));
    }

    [Fact]
    public async Task Jobs_and_pods_are_validated_and_deleted()
    {
        var job = new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "train" },
            Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "trainer:1" }] } } },
        };
        var invalid = await Assert.ThrowsAsync<HttpOperationException>(() => _client.BatchV1.CreateNamespacedJobAsync(job, "ml"));
        Assert.Equal((HttpStatusCode)422, invalid.Response.StatusCode);
        Assert.Contains("spec.template.spec.restartPolicy", invalid.Response.Content);

        job.Spec.Template.Spec.RestartPolicy = "Never";
        job.Metadata.Annotations = new Dictionary<string, string> { ["loopback.connectors.test/duration"] = "60s" };
        var created = await _client.BatchV1.CreateNamespacedJobAsync(job, "ml");
        Assert.Equal(created.Metadata.Uid, created.Spec.Selector.MatchLabels["batch.kubernetes.io/controller-uid"]);
        await Eventually(async () => (await _client.CoreV1.ListNamespacedPodAsync("ml", labelSelector: "job-name=train")).Items.Count == 1);

        await _client.BatchV1.DeleteNamespacedJobAsync("train", "ml", propagationPolicy: "Background");
        Assert.Empty((await _client.BatchV1.ListNamespacedJobAsync("ml")).Items);
        Assert.Empty((await _client.CoreV1.ListNamespacedPodAsync("ml")).Items);
    }

    internal static V1Deployment Deployment(string name, string image, int replicas = 1) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = image, Ports = [new V1ContainerPort { ContainerPort = 8080 }] }] },
            },
        },
    };

    internal static async Task Eventually(Func<Task<bool>> condition, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true in time");
            await Task.Delay(25);
        }
    }
}
