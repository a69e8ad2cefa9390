using Connectors.Kubernetes.Describe;
using Connectors.Kubernetes.Testing;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connectors.Kubernetes.Tests.DependencyInjection;

/// <summary>Where AddKubernetesConnectorClient reads a connector from, in which order, and how start-up reports what is wrong.</summary>
public sealed class ConnectorConfigurationTests
{
    [Fact]
    public async Task A_connection_string_alone_configures_a_working_keyed_client()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-auto"] = ConnectorHost.ConnectionString(server) });
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();
        await host.StartAsync();

        var kubernetes = host.Services.GetRequiredKeyedService<IKubernetes>("kube-auto");
        var namespaces = await kubernetes.CoreV1.ListNamespaceAsync();
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");
        var description = host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-auto").Describe();
        Assert.Equal("ConnectionString (ConnectionStrings:kube-auto)", Row(description, "server").Source?.ToString());
        Assert.Equal("[HIDDEN]", Row(description, "token").Value);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_section_alone_configures_a_working_keyed_client()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var builder = ConnectorHost.Builder(ConnectorHost.Section(server, "kube-auto", server.Identities.Admin.Token));
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();
        await host.StartAsync();

        var review = await host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-auto").VerifyAsync();
        Assert.True(review.Succeeded, review.Message);
        Assert.Equal(server.Identities.Admin.UserName, review.Identity!.Username);
        var description = host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-auto").Describe();
        Assert.Equal("Configuration (Connectors:Kubernetes:kube-auto:Server)", Row(description, "server").Source?.ToString());
        await host.StopAsync();
    }

    [Fact]
    public async Task Mixed_the_section_wins_per_key_over_the_connection_string_and_the_delegate_wins_over_both()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var alice = server.Identities.AddToken("alice");
        var configuration = new Dictionary<string, string?>
        {
            // The connection string brings the server, CA and admin token, and a namespace the section overrides.
            ["ConnectionStrings:kube-auto"] = KubernetesConnectionString.Format(
                Clients.LoopbackSpecs.For(server, name: "kube-auto") with { Namespace = "from-connection-string", ClusterName = "cs-cluster" }),
            ["Connectors:Kubernetes:kube-auto:Namespace"] = "from-section",
            ["Connectors:Kubernetes:kube-auto:Token"] = alice.Token,
        };
        var builder = ConnectorHost.Builder(configuration);
        builder.AddKubernetesConnectorClient("kube-auto", settings =>
        {
            Assert.Equal("from-section", settings.Namespace);
            Assert.Equal("cs-cluster", settings.ClusterName);
            settings.ClusterName = "from-delegate";
        });
        using var host = builder.Build();
        await host.StartAsync();

        var connector = host.Services.GetRequiredKeyedService<IKubernetesConnector>("kube-auto");
        var description = connector.Describe();
        Assert.Equal("from-section", Row(description, "namespace").Value);
        Assert.Equal("Configuration (Connectors:Kubernetes:kube-auto:Namespace)", Row(description, "namespace").Source?.ToString());
        Assert.Equal("from-delegate", Assert.Single(description.Properties, p => p.Name == "RESOURCE NAME").Value);
        Assert.Equal(KubernetesValueOrigin.Code, Row(description, "cluster_name").Source!.Origin);
        Assert.Equal("ConnectionString (ConnectionStrings:kube-auto)", Row(description, "server").Source?.ToString());
        Assert.Equal("alice", (await connector.VerifyAsync()).Identity!.Username); // the section's token, not the connection string's
        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_connector_fails_start_up_with_KC1104_naming_both_places_to_configure()
    {
        var builder = ConnectorHost.Builder();
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => host.StartAsync());
        Assert.Equal("KC1104", error.Code);
        Assert.Contains("ConnectionStrings:kube-auto", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connectors:Kubernetes:kube-auto", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_settings_alone_do_not_make_a_connector_configured()
    {
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["Connectors:Kubernetes:kube-auto:DisableHealthChecks"] = "true" });
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();

        Assert.Equal("KC1104", (await Assert.ThrowsAsync<KubernetesConnectorException>(() => host.StartAsync())).Code);
    }

    [Theory]
    [InlineData("InsecureSkipTlsVerify", "true", "KC1013", "Connectors:Kubernetes:kube-auto:InsecureSkipTlsVerify")]
    [InlineData("Server", "ftp://kube-prod.example.test", "KC1003", "Connectors:Kubernetes:kube-auto:Server")]
    [InlineData("InsecureSkipTlsVerify", "maybe", "KC1016", "Connectors:Kubernetes:kube-auto:InsecureSkipTlsVerify")]
    [InlineData("Colour", "blue", "KC1102", "Connectors:Kubernetes:kube-auto")]
    [InlineData("HealthCheckTimeout", "soon", "KC1401", "Connectors:Kubernetes:kube-auto:HealthCheckTimeout")]
    public async Task An_invalid_section_value_fails_start_up_with_its_code_and_configuration_path(string key, string value, string code, string path)
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var configuration = ConnectorHost.Section(server, "kube-auto", "a-token-value-never-shown");
        configuration["Connectors:Kubernetes:kube-auto:" + key] = value;
        var builder = ConnectorHost.Builder(configuration);
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => host.StartAsync());
        Assert.Equal(code, error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a-token-value-never-shown", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_fails_start_up_with_KC1101_without_echoing_it()
    {
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-auto"] = "Server=https://kube-prod.example.test;Token=\"s3cr3t-unterminated" });
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => host.StartAsync());
        Assert.Equal("KC1101", error.Code);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_auth_without_a_password_names_the_missing_key_path()
    {
        var builder = ConnectorHost.Builder(new Dictionary<string, string?>
        {
            ["Connectors:Kubernetes:kube-auto:Server"] = "https://kube-prod.example.test",
            ["Connectors:Kubernetes:kube-auto:AuthMethod"] = "password",
            ["Connectors:Kubernetes:kube-auto:Username"] = "admin",
        });
        builder.AddKubernetesConnectorClient("kube-auto");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => host.StartAsync());
        Assert.Equal("KC1006", error.Code);
        Assert.Contains("Connectors:Kubernetes:kube-auto:Password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_broken_connectors_are_reported_together_with_KC1405()
    {
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-b"] = "Server=ftp://kube-b.example.test" });
        builder.AddKubernetesConnectorClient("kube-a");
        builder.AddKubernetesConnectorClient("kube-b");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => host.StartAsync());
        Assert.Equal("KC1405", error.Code);
        Assert.Contains("KC1104", error.Message, StringComparison.Ordinal);
        Assert.Contains("KC1003", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:kube-b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_connectors_that_are_unregistered_or_unconfigured_are_listed_with_KC1402()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var builder = ConnectorHost.Builder(new Dictionary<string, string?> { ["ConnectionStrings:kube-ok"] = ConnectorHost.ConnectionString(server, name: "kube-ok") });
        builder.AddKubernetesConnectorClient("kube-ok");
        builder.AddKubernetesConnectorClient("kube-unconfigured");
        builder.RequireKubernetesConnectors("kube-ok", "kube-unconfigured", "kube-unregistered");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => host.StartAsync());
        Assert.Equal("KC1402", error.Code);
        Assert.Contains("'kube-unconfigured' has no configuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("'kube-unregistered' is not registered", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'kube-ok'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_connector_name_is_refused_at_registration_with_KC1400()
    {
        var builder = ConnectorHost.Builder();
        var error = Assert.Throws<KubernetesConnectorException>(() => builder.AddKubernetesConnectorClient("Kube--prod-"));
        Assert.Equal("KC1400", error.Code);
    }

    [Fact]
    public async Task Shared_client_settings_come_from_Connectors_Kubernetes_and_the_named_section_overrides_them()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var configuration = ConnectorHost.Section(server, "kube-auto", server.Identities.Admin.Token);
        configuration["Connectors:Kubernetes:DisableHealthChecks"] = "true";
        configuration["Connectors:Kubernetes:HealthCheckTimeout"] = "00:00:07";
        configuration["Connectors:Kubernetes:kube-auto:HealthCheckTimeout"] = "00:00:03";
        var builder = ConnectorHost.Builder(configuration);
        KubernetesConnectorSettings? seen = null;
        builder.AddKubernetesConnectorClient("kube-auto", settings => seen = settings);

        Assert.NotNull(seen);
        Assert.True(seen.DisableHealthChecks);
        Assert.Equal(TimeSpan.FromSeconds(3), seen.HealthCheckTimeout);
        Assert.Equal("kube-auto", seen.Name);
    }

    private static DescribeRow Row(KubernetesConnectorDescription description, string name) =>
        Assert.Single(description.Configuration, r => r.Name == name);
}
