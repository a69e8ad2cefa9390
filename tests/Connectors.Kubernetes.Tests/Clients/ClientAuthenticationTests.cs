using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Testing;
using k8s;
using k8s.Autorest;

namespace Connectors.Kubernetes.Tests.Clients;

public sealed class ClientAuthenticationTests : IAsyncLifetime
{
    private LoopbackKubernetesServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackKubernetesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Kinds => ["token", "basic", "certificate"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_auth_method_reaches_the_server_as_its_identity(string kind)
    {
        var identity = kind switch
        {
            "token" => _server.Identities.AddToken("token-user", groups: ["team-a"], rules: [LoopbackAccessRule.All]),
            "basic" => _server.Identities.AddBasic("basic-user", rules: [LoopbackAccessRule.All]),
            _ => _server.Identities.AddClientCertificate("cert-user", groups: ["team-c"], rules: [LoopbackAccessRule.All]),
        };
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server, identity));

        var namespaces = await connector.Client.CoreV1.ListNamespaceAsync();

        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "kube-system");
        Assert.All(_server.Requests, r => Assert.Equal(identity.UserName, r.User));
    }

    [Fact]
    public async Task A_wrong_token_is_a_401_and_a_static_token_is_not_retried()
    {
        var spec = LoopbackSpecs.For(_server) with { Token = new SecretValue("not-a-valid-token") };
        using var connector = KubernetesConnectorClient.Create(spec);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => connector.Client.CoreV1.ListNamespaceAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Response.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Clients_of_one_connector_share_it_and_survive_each_others_disposal()
    {
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server));
        var first = connector.CreateClient();
        var second = connector.CreateClient();
        await first.CoreV1.ListNamespaceAsync();

        first.Dispose();

        Assert.NotEmpty((await second.CoreV1.ListNamespaceAsync()).Items);
        Assert.NotEmpty((await connector.Client.CoreV1.ListNamespaceAsync()).Items);
        Assert.Equal(1, connector.Transport.ConnectionsOpened);
    }

    [Fact]
    public async Task A_disposed_connector_refuses_new_clients_and_its_old_clients_stop()
    {
        var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server));
        var client = connector.CreateClient();
        await client.CoreV1.ListNamespaceAsync();

        connector.Dispose();

        Assert.Throws<ObjectDisposedException>(() => connector.CreateClient());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.CoreV1.ListNamespaceAsync());
    }

    [Fact]
    public async Task A_request_for_another_server_is_refused_before_any_credential_leaves()
    {
        await using var other = await ScriptedServer.StartAsync(["localhost"], context => Task.CompletedTask);
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(other.Url, "/api"));

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => connector.Transport.Invoker.SendAsync(request, default));

        Assert.Equal(KubernetesClientErrorCodes.ForeignOrigin, error.Code);
        Assert.Empty(other.Requests);
        Assert.Empty(other.ServerNames);
    }

    [Fact]
    public async Task Post_bodies_work_through_the_shared_chain()
    {
        using var connector = KubernetesConnectorClient.Create(LoopbackSpecs.For(_server));
        var client = connector.Client;

        await client.CoreV1.CreateNamespacedConfigMapAsync(
            new k8s.Models.V1ConfigMap { Metadata = new() { Name = "settings" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, "default");
        var read = await client.CoreV1.ReadNamespacedConfigMapAsync("settings", "default");

        Assert.Equal("1", read.Data["a"]);
    }
}
