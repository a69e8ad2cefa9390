using System.Text.Json.Nodes;
using Connectors.Kubernetes.Testing.Tests.Support;
using k8s;

namespace Connectors.Kubernetes.Testing.Tests;

public sealed class VersionAndDiscoveryTests
{
    [Fact]
    public async Task Official_client_reads_the_configured_version()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { KubernetesVersion = "v1.31.4" });
        using var client = Clients.Official(server);
        var version = await client.Version.GetCodeAsync();
        Assert.Equal("v1.31.4", version.GitVersion);
        Assert.Equal("1", version.Major);
        Assert.Equal("31", version.Minor);
        Assert.Equal("127.0.0.1", server.Url.Host);
        Assert.True(server.Port > 0);
    }

    [Fact]
    public async Task Discovery_lists_every_served_group_and_resource()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var client = Clients.Official(server);
        var core = await client.CoreV1.GetAPIResourcesAsync();
        Assert.Equal(["configmaps", "namespaces", "namespaces/status", "pods", "pods/log", "pods/status", "secrets", "services", "services/status"],
            core.Resources.Select(r => r.Name).Order(StringComparer.Ordinal));
        var apps = await client.AppsV1.GetAPIResourcesAsync();
        Assert.Contains(apps.Resources, r => r.Name == "deployments" && r.Namespaced && r.Kind == "Deployment" && r.ShortNames.Contains("deploy"));
        var batch = await client.BatchV1.GetAPIResourcesAsync();
        Assert.Contains(batch.Resources, r => r.Name == "jobs" && r.Verbs.Contains("watch"));
        var groups = await client.Apis.GetAPIVersionsAsync();
        Assert.Equal(["apps", "authentication.k8s.io", "authorization.k8s.io", "batch"], groups.Groups.Select(g => g.Name).Order(StringComparer.Ordinal));

        using var raw = Clients.Raw(server, server.Identities.Admin.Token);
        var (code, api) = await Clients.GetJsonAsync(raw, "/api");
        Assert.Equal(200, code);
        Assert.Equal("v1", api["versions"]![0]!.GetValue<string>());
        Assert.Equal(404, (await Clients.GetJsonAsync(raw, "/apis/example.test/v1")).Code);
    }

    [Fact]
    public async Task The_server_speaks_HTTP2_over_TLS_and_HTTP1()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        foreach (var version in new[] { System.Net.HttpVersion.Version20, System.Net.HttpVersion.Version11 })
        {
            using var client = Clients.Raw(server, server.Identities.Admin.Token, version: version);
            using var response = await client.GetAsync("/version");
            Assert.Equal(version, response.Version);
            Assert.Equal("v1.32.0", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["gitVersion"]!.GetValue<string>());
        }
    }
}
