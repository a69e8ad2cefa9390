using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Connectors.Kubernetes.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Connectors.Kubernetes.Hosting.Tests.AspireLayer;

/// <summary>The generated layer, driven as an app host drives it, against the Aspire stand-in.</summary>
public sealed class AddKubernetesConnectorTests
{
    [Fact]
    public void The_issue_snippet_builds_a_connection_string_over_parameter_references()
    {
        var builder = new TestDistributedApplicationBuilder();
        var token = builder.AddParameter("kube-prod-token", secret: true);
        var prod = builder.AddKubernetesConnector("kube-prod")
            .WithServer("https://kube-prod.example.test")
            .WithTokenAuth(token)
            .WithCertificateAuthority(builder.AddParameter("kube-prod-certificate-authority", secret: true));

        Assert.Equal(
            "Server=https://kube-prod.example.test;AuthMethod=token;Token={kube-prod-token.value};CertificateAuthorityData={kube-prod-certificate-authority.value}",
            prod.Resource.ConnectionStringExpression.ValueExpression);
        Assert.Equal("{kube-prod.connectionString}", ((IManifestExpressionProvider)prod.Resource).ValueExpression);
        Assert.Same(token.Resource, prod.Resource.ConnectionStringExpression.ValueProviders[0]);
    }

    [Fact]
    public void Parameters_not_passed_are_created_from_the_naming_convention_once_and_secret()
    {
        var builder = new TestDistributedApplicationBuilder();
        var declaredEarlier = builder.AddParameter("kube-prod-username", secret: true);
        builder.AddKubernetesConnector("kube-prod")
            .WithServer("https://kube-prod.example.test")
            .WithPasswordAuth()
            .WithPasswordAuth();

        var parameters = builder.Resources.OfType<ParameterResource>().ToList();
        Assert.Equal(["kube-prod-username", "kube-prod-password"], parameters.Select(p => p.Name));
        Assert.All(parameters, p => Assert.True(p.Secret));
        Assert.Same(declaredEarlier.Resource, parameters[0]);
    }

    [Fact]
    public void Connection_properties_are_one_expression_per_design_key()
    {
        var builder = new TestDistributedApplicationBuilder();
        var prod = builder.AddKubernetesConnector("kube-prod")
            .WithServer("https://kube-prod.example.test")
            .WithTokenAuth()
            .WithNamespace("ml")
            .WithClusterName("prod");

        var properties = prod.Resource.GetConnectionProperties().ToDictionary(p => p.Key, p => p.Value.ValueExpression);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Server"] = "https://kube-prod.example.test",
                ["ClusterName"] = "prod",
                ["AuthMethod"] = "token",
                ["Token"] = "{kube-prod-token.value}",
                ["Namespace"] = "ml",
            },
            properties);
    }

    [Fact]
    public void Run_mode_attaches_a_health_check_and_an_initial_state()
    {
        var builder = new TestDistributedApplicationBuilder();
        var prod = builder.AddKubernetesConnector("kube-prod").WithServer("https://kube-prod.example.test");

        var annotation = Assert.Single(prod.Resource.Annotations.OfType<HealthCheckAnnotation>());
        using var services = builder.Services.BuildServiceProvider();
        var registrations = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Contains(registrations, r => r.Name == annotation.Key);
        var initial = Assert.Single(prod.Resource.Annotations.OfType<ResourceSnapshotAnnotation>()).InitialSnapshot;
        Assert.Equal(KnownResourceStates.NotStarted, initial.State?.Text);
        Assert.Equal("KubernetesConnector", initial.ResourceType);
    }

    [Fact]
    public void Publish_mode_attaches_no_health_check_and_no_start()
    {
        var builder = new TestDistributedApplicationBuilder(DistributedApplicationOperation.Publish);
        var prod = builder.AddKubernetesConnector("kube-prod").WithServer("https://kube-prod.example.test");

        Assert.Empty(prod.Resource.Annotations.OfType<HealthCheckAnnotation>());
        Assert.Single(prod.Resource.Annotations.OfType<ManifestPublishingCallbackAnnotation>());
    }

    [Fact]
    public void An_invalid_name_is_refused_with_its_code()
    {
        var builder = new TestDistributedApplicationBuilder();
        var error = Assert.Throws<KubernetesConnectorException>(() => builder.AddKubernetesConnector("Kube--prod"));
        Assert.Equal("KC4001", error.Code);
    }
}
