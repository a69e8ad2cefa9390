using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Connectors.Kubernetes.Hosting.Tests.Support;
using Connectors.Kubernetes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Connectors.Kubernetes.Hosting.Tests.AspireLayer;

/// <summary>Run mode through the generated layer: start on InitializeResourceEvent, state, dashboard properties, health.</summary>
public sealed class RunModeTests
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcmNoZXN0cmF0b3IifQ.c2lnbmF0dXJl";

    [Fact]
    public async Task A_declared_connector_starts_running_and_components_get_the_resolved_connection_string()
    {
        var builder = new TestDistributedApplicationBuilder();
        builder.Configuration["Parameters:kube-prod-token"] = Token;
        builder.Configuration["Parameters:kube-prod-certificate-authority"] = TestPems.Base64(TestPems.CaPem);
        var prod = builder.AddKubernetesConnector("kube-prod")
            .WithServer("https://kube-prod.example.test")
            .WithTokenAuth()
            .WithCertificateAuthority()
            .WithNamespace("ml");

        await builder.InitializeAsync();

        var snapshot = builder.CurrentSnapshot(prod.Resource);
        Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        Assert.Equal(KnownResourceStateStyles.Success, snapshot.State?.Style);
        var connectionString = await ((IResourceWithConnectionString)prod.Resource).GetConnectionStringAsync();
        var parsed = KubernetesConnectionString.Parse("kube-prod", connectionString!);
        Assert.Equal("https://kube-prod.example.test", parsed.Server);
        Assert.Equal(Token, parsed.Token?.Reveal());
        Assert.Equal("ml", parsed.Namespace);
        Assert.NotNull(parsed.CertificateAuthorityData);
    }

    [Fact]
    public async Task Dashboard_properties_mark_every_secret_sensitive_and_show_the_rest()
    {
        var builder = new TestDistributedApplicationBuilder();
        builder.Configuration["Parameters:kube-prod-token"] = Token;
        var prod = builder.AddKubernetesConnector("kube-prod").WithServer("https://kube-prod.example.test:6443").WithTokenAuth();

        await builder.InitializeAsync();

        var properties = builder.CurrentSnapshot(prod.Resource).Properties.ToDictionary(p => p.Name);
        Assert.Equal("https://kube-prod.example.test:6443", properties["kubernetes.server"].Value);
        Assert.False(properties["kubernetes.server"].IsSensitive);
        Assert.Equal("kube-prod.example.test", properties["kubernetes.clusterName"].Value);
        Assert.Equal("token", properties["kubernetes.authMethod"].Value);
        Assert.True(properties["kubernetes.token"].IsSensitive);
        Assert.True(properties["kubernetes.connectionString"].IsSensitive);
        Assert.All(properties.Values.Where(p => !p.IsSensitive), p => Assert.DoesNotContain(Token, p.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_parameter_fails_to_start_with_its_code_and_the_health_check_reports_it()
    {
        var builder = new TestDistributedApplicationBuilder();
        var prod = builder.AddKubernetesConnector("kube-prod").WithServer("https://kube-prod.example.test").WithTokenAuth();

        await builder.InitializeAsync();

        var snapshot = builder.CurrentSnapshot(prod.Resource);
        Assert.Equal(KnownResourceStates.FailedToStart, snapshot.State?.Text);
        Assert.Equal(KnownResourceStateStyles.Error, snapshot.State?.Style);
        var error = snapshot.Properties.Single(p => p.Name == "kubernetes.error").Value as string;
        Assert.StartsWith("KC4106: ", error, StringComparison.Ordinal);
        Assert.Contains("Parameters:kube-prod-token", error, StringComparison.Ordinal);

        var health = await CheckHealthAsync(builder, prod.Resource);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.StartsWith("KC4106", health.Description, StringComparison.Ordinal);
        // Components referencing it cannot get a value either: Aspire reports the missing parameter itself.
        await Assert.ThrowsAsync<MissingParameterValueException>(async () => await ((IResourceWithConnectionString)prod.Resource).GetConnectionStringAsync());
    }

    [Fact]
    public async Task A_parameter_value_the_connection_string_cannot_carry_fails_without_showing_the_value()
    {
        const string Password = "s3cr;et-Value";
        var builder = new TestDistributedApplicationBuilder();
        builder.Configuration["Parameters:kube-prod-username"] = "admin";
        builder.Configuration["Parameters:kube-prod-password"] = Password;
        var prod = builder.AddKubernetesConnector("kube-prod").WithServer("https://kube-prod.example.test").WithPasswordAuth();

        await builder.InitializeAsync();

        var snapshot = builder.CurrentSnapshot(prod.Resource);
        Assert.Equal(KnownResourceStates.FailedToStart, snapshot.State?.Text);
        var error = (string)snapshot.Properties.Single(p => p.Name == "kubernetes.error").Value!;
        Assert.StartsWith("KC4101: ", error, StringComparison.Ordinal);
        Assert.Contains("kube-prod-password", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_resolved_settings_fail_with_the_runtime_codes()
    {
        var builder = new TestDistributedApplicationBuilder();
        builder.Configuration["Parameters:kube-prod-certificate-authority"] = TestPems.Base64(TestPems.CaPem);
        var prod = builder.AddKubernetesConnector("kube-prod")
            .WithServer("https://kube-prod.example.test")
            .WithCertificateAuthority()
            .WithInsecureSkipTlsVerify();

        await builder.InitializeAsync();

        var error = (string)builder.CurrentSnapshot(prod.Resource).Properties.Single(p => p.Name == "kubernetes.error").Value!;
        Assert.StartsWith("KC4102: ", error, StringComparison.Ordinal);
        Assert.Contains("KC1013", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_verifies_against_the_cluster_and_the_dashboard_shows_who_the_connector_is()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var orchestrator = server.Identities.AddToken("ml-orchestrator");
        var builder = new TestDistributedApplicationBuilder();
        builder.Configuration["Parameters:kube-dev-token"] = orchestrator.Token;
        builder.Configuration["Parameters:kube-dev-certificate-authority"] = TestPems.Base64(server.CertificateAuthorityPem);
        var dev = builder.AddKubernetesConnector("kube-dev").WithServer(server.Url.ToString()).WithTokenAuth().WithCertificateAuthority();

        await builder.InitializeAsync();
        var health = await CheckHealthAsync(builder, dev.Resource);

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal("verified as ml-orchestrator", health.Description);
        var identity = builder.CurrentSnapshot(dev.Resource).Properties.Single(p => p.Name == "kubernetes.identity");
        Assert.Equal("ml-orchestrator", identity.Value);
        Assert.Contains(server.Requests, r => r.Path.StartsWith("/version", StringComparison.Ordinal) && r.User == "ml-orchestrator");
    }

    [Fact]
    public async Task The_health_check_reports_a_refused_token_with_the_verifiers_code_and_never_the_token()
    {
        const string Refused = "refused-canary-token-4c1d2f";
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var builder = new TestDistributedApplicationBuilder();
        builder.Configuration["Parameters:kube-dev-token"] = Refused;
        builder.Configuration["Parameters:kube-dev-certificate-authority"] = TestPems.Base64(server.CertificateAuthorityPem);
        var dev = builder.AddKubernetesConnector("kube-dev").WithServer(server.Url.ToString()).WithTokenAuth().WithCertificateAuthority();

        await builder.InitializeAsync();
        var health = await CheckHealthAsync(builder, dev.Resource);

        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.StartsWith("KC1305", health.Description, StringComparison.Ordinal);
        Assert.Contains("401", health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Refused, health.Description, StringComparison.Ordinal);
    }

    private static async Task<HealthCheckResult> CheckHealthAsync(TestDistributedApplicationBuilder builder, IResource resource)
    {
        var key = resource.Annotations.OfType<HealthCheckAnnotation>().Single().Key;
        await using var services = builder.Services.BuildServiceProvider();
        var registration = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single(r => r.Name == key);
        return await registration.Factory(services).CheckHealthAsync(new HealthCheckContext { Registration = registration });
    }
}
