using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Connectors.Kubernetes.Testing.Tests.Support;
using k8s;
using k8s.Models;

namespace Connectors.Kubernetes.Testing.Tests;

/// <summary>watch=true streams, as the official client's Watch and kubectl get -w read them.</summary>
public sealed class WatchTests
{
    [Fact]
    public async Task Official_client_watch_sees_added_modified_and_deleted()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var client = Clients.Official(server);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "before" } }, "default");

        var events = Channel.CreateUnbounded<(WatchEventType Type, string Name, string? Value)>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, map) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", cancellationToken: cts.Token))
            {
                await events.Writer.WriteAsync((type, map.Metadata.Name, (map.Data is { } d && d.TryGetValue("k", out var v) ? v : null)));
            }
        });

        Assert.Equal((WatchEventType.Added, "before", null), await events.Reader.ReadAsync(cts.Token));
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "live" }, Data = new Dictionary<string, string> { ["k"] = "1" } }, "default");
        Assert.Equal((WatchEventType.Added, "live", "1"), await events.Reader.ReadAsync(cts.Token));
        created.Data["k"] = "2";
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "live", "default");
        Assert.Equal((WatchEventType.Modified, "live", "2"), await events.Reader.ReadAsync(cts.Token));
        await client.CoreV1.DeleteNamespacedConfigMapAsync("live", "default");
        Assert.Equal((WatchEventType.Deleted, "live", "2"), await events.Reader.ReadAsync(cts.Token));

        // Objects in other namespaces are not part of this watch.
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "elsewhere" } }, "kube-system");
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after" } }, "default");
        Assert.Equal((WatchEventType.Added, "after", null), await events.Reader.ReadAsync(cts.Token));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
    }

    [Fact]
    public async Task Several_watchers_of_the_same_kind_each_receive_every_change()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var client = Clients.Official(server);
        var start = (await client.CoreV1.ListNamespacedSecretAsync("default")).Metadata.ResourceVersion;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watchers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var names = new List<string>();
            await foreach (var (_, secret) in client.CoreV1.WatchListNamespacedSecretAsync("default", resourceVersion: start, cancellationToken: cts.Token))
            {
                names.Add(secret.Metadata.Name);
                if (names.Count == 2)
                {
                    return names;
                }
            }

            return names;
        })).ToList();

        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "one" } }, "default");
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "two" } }, "default");
        foreach (var names in await Task.WhenAll(watchers))
        {
            Assert.Equal(["one", "two"], names);
        }
    }

    [Fact]
    public async Task A_watch_resumes_from_a_resource_version_and_filters_by_label()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var client = Clients.Official(server);
        var list = await client.CoreV1.ListNamespacedPodAsync("default");
        await client.CoreV1.CreateNamespacedPodAsync(Pod("web-1", "web"), "default");
        await client.CoreV1.CreateNamespacedPodAsync(Pod("db-1", "db"), "default");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<(WatchEventType, string, string?)>();
        await foreach (var (type, pod) in client.CoreV1.WatchListNamespacedPodAsync("default", labelSelector: "app=web", resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token))
        {
            seen.Add((type, pod.Metadata.Name, pod.Status?.Phase));
            if (pod.Status?.Phase == "Running")
            {
                break;
            }
        }

        // Replayed from the version: the creation, then the simulated kubelet starting it.
        Assert.Equal([(WatchEventType.Added, "web-1", null), (WatchEventType.Modified, "web-1", "Running")], seen);
    }

    [Fact]
    public async Task A_watch_from_a_compacted_version_gets_410_Expired()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var raw = Clients.Raw(server, server.Identities.Admin.Token);
        // Version 5 is older than anything the server remembers (its history starts above 100).
        using var response = await raw.GetAsync("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=5", HttpCompletionOption.ResponseHeadersRead);
        var line = JsonNode.Parse((await response.Content.ReadAsStringAsync()).Split('\n')[0])!;
        Assert.Equal("ERROR", line["type"]!.GetValue<string>());
        Assert.Equal(410, line["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", line["object"]!["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Kubectl_get_watch_prints_new_objects()
    {
        Kubectl.SkipIfMissing();
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var temp = new TempDirectory();
        var kubeconfig = await server.WriteKubeconfigAsync(temp.File("config"));
        using var client = Clients.Official(server);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "first" } }, "default");

        var listed = new TaskCompletionSource();
        var watching = Kubectl.RunAsync(kubeconfig, TimeSpan.FromSeconds(30), output =>
        {
            if (output.Contains("first", StringComparison.Ordinal))
            {
                listed.TrySetResult();
            }

            return output.Contains("second", StringComparison.Ordinal);
        }, "get", "configmaps", "-w");
        // kubectl lists, then watches from the list's version: whatever is created after the list shows up.
        await listed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "second" }, Data = new Dictionary<string, string> { ["a"] = "b" } }, "default");
        var (_, output, error) = await watching;
        Assert.Matches(@"(?m)^NAME\s+DATA\s+AGE", output);
        Assert.Matches(@"(?m)^first\s+0\s+", output);
        Assert.Matches(@"(?m)^second\s+1\s+", output);
        Assert.DoesNotContain("error", error, StringComparison.OrdinalIgnoreCase);
    }

    internal static V1Pod Pod(string name, string app) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "img:1" }] },
    };
}
