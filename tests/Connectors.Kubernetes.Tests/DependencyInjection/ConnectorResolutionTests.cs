using Connectors.Kubernetes.Testing;
using Connectors.Playground.Orchestrator;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connectors.Kubernetes.Tests.DependencyInjection;

/// <summary>Keyed services per connector and the non-keyed default.</summary>
public sealed class ConnectorResolutionTests
{
    [Fact]
    public async Task Each_connector_is_a_keyed_client_authenticated_as_its_own_identity()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var alice = server.Identities.AddToken("alice");
        var bob = server.Identities.AddToken("bob");
        var builder = ConnectorHost.Builder(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kube-alice"] = ConnectorHost.ConnectionString(server, alice, "kube-alice"),
            ["ConnectionStrings:kube-bob"] = ConnectorHost.ConnectionString(server, bob, "kube-bob"),
        });
        builder.AddKubernetesConnectorClient("kube-alice");
        builder.AddKubernetesConnectorClient("kube-bob");
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal("alice", await WhoAmI(host.Services.GetRequiredKeyedService<IKubernetes>("kube-alice")));
        Assert.Equal("bob", await WhoAmI(host.Services.GetRequiredKeyedService<IKubernetes>("kube-bob")));
        Assert.Same(host.Services.GetRequiredKeyedService<IKubernetes>("kube-alice"), host.Services.GetRequiredKeyedService<IKubernetes>("kube-alice"));
        Assert.Equal("kube-bob", host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-bob").Name);

        // Two connectors and no Default: the non-keyed client is ambiguous, with a coded error naming both.
        var error = Assert.Throws<KubernetesConnectorException>(() => host.Services.GetRequiredService<IKubernetes>());
        Assert.Equal("KC1404", error.Code);
        Assert.Contains("'kube-alice', 'kube-bob'", error.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_only_connector_is_also_the_non_keyed_default()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-auto"] = ConnectorHost.ConnectionString(server) });
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Same(host.Services.GetRequiredKeyedService<IKubernetes>("kube-auto"), host.Services.GetRequiredService<IKubernetes>());
        Assert.Equal("kube-auto", host.Services.GetRequiredService<IKubernetesConnector>().Name);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_connector_marked_Default_is_the_non_keyed_default_among_several()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var bob = server.Identities.AddToken("bob");
        var builder = ConnectorHost.Builder(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kube-admin"] = ConnectorHost.ConnectionString(server, name: "kube-admin"),
            ["ConnectionStrings:kube-bob"] = ConnectorHost.ConnectionString(server, bob, "kube-bob"),
            ["Connectors:Kubernetes:kube-bob:Default"] = "true",
        });
        builder.AddKubernetesConnectorClient("kube-admin");
        builder.AddKubernetesConnectorClient("kube-bob");
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal("bob", await WhoAmI(host.Services.GetRequiredService<IKubernetes>()));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_keyed_only_registration_never_becomes_the_default()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-auto"] = ConnectorHost.ConnectionString(server) });
        builder.AddKeyedKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();
        await host.StartAsync();

        Assert.NotNull(host.Services.GetRequiredKeyedService<IKubernetes>("kube-auto"));
        Assert.Equal("KC1403", Assert.Throws<KubernetesConnectorException>(() => host.Services.GetRequiredService<IKubernetes>()).Code);
        await host.StopAsync();
    }

    [Fact]
    public async Task Registering_a_connector_twice_keeps_one_set_of_services_and_one_health_check()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-auto"] = ConnectorHost.ConnectionString(server) });
        builder.AddKubernetesConnectorClient("kube-auto");
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Single(host.Services.GetKeyedServices<IKubernetes>("kube-auto"));
        var report = await ConnectorHost.CheckHealthAsync(host);
        Assert.Single(report.Entries);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_component_receives_the_client_through_FromKeyedServices()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-auto"] = ConnectorHost.ConnectionString(server) });
        builder.AddOrchestrator();
        using var host = builder.Build();
        await host.StartAsync();

        var component = host.Services.GetRequiredService<OrchestratorComponent>();
        Assert.Same(host.Services.GetRequiredKeyedService<IKubernetes>(OrchestratorComponent.ConnectorName), component.Kubernetes);
        await host.StopAsync();
    }

    internal static async Task<string> WhoAmI(IKubernetes kubernetes)
    {
        var review = await kubernetes.AuthenticationV1.CreateSelfSubjectReviewAsync(new k8s.Models.V1SelfSubjectReview());
        return review.Status.UserInfo.Username;
    }
}
