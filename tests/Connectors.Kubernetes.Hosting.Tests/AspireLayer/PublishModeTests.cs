using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Connectors.Kubernetes.Hosting.Tests.Support;

namespace Connectors.Kubernetes.Hosting.Tests.AspireLayer;

/// <summary>Publish mode through the generated layer: Aspire's connection-string manifest form, parameters only.</summary>
public sealed class PublishModeTests
{
    [Fact]
    public async Task The_manifest_entry_is_a_value_v0_connection_string_over_parameters()
    {
        var builder = new TestDistributedApplicationBuilder(DistributedApplicationOperation.Publish);
        var prod = builder.AddKubernetesConnector("kube-prod")
            .WithServer("https://kube-prod.example.test")
            .WithTokenAuth()
            .WithCertificateAuthority();

        var json = await WriteManifestEntryAsync(builder, prod.Resource);

        Assert.Equal(
            """{"type":"value.v0","connectionString":"Server=https://kube-prod.example.test;AuthMethod=token;Token={kube-prod-token.value};CertificateAuthorityData={kube-prod-certificate-authority.value}"}""",
            json);
    }

    [Fact]
    public async Task An_auto_configured_connector_publishes_parameters_and_never_local_credentials()
    {
        var builder = new TestDistributedApplicationBuilder(DistributedApplicationOperation.Publish);
        var dev = builder.AddKubernetesConnector("kube-dev").WithAutoConfigure(context: "kind-dev").WithNamespace("jobs");

        var json = await WriteManifestEntryAsync(builder, dev.Resource);

        Assert.Equal(
            """{"type":"value.v0","connectionString":"Server={kube-dev-server.value};AuthMethod=token;Token={kube-dev-token.value};CertificateAuthorityData={kube-dev-certificate-authority.value};Namespace=jobs"}""",
            json);
        Assert.Equal(
            ["kube-dev-server", "kube-dev-token", "kube-dev-certificate-authority"],
            builder.Resources.OfType<ParameterResource>().Select(p => p.Name));
        Assert.Equal([false, true, true], builder.Resources.OfType<ParameterResource>().Select(p => p.Secret));
    }

    [Fact]
    public async Task An_invalid_declaration_cannot_be_published()
    {
        var builder = new TestDistributedApplicationBuilder(DistributedApplicationOperation.Publish);
        var prod = builder.AddKubernetesConnector("kube-prod").WithServer("ftp://kube-prod.example.test");

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => WriteManifestEntryAsync(builder, prod.Resource));
        Assert.Equal("KC4109", error.Code);
        Assert.Contains("KC4003", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> WriteManifestEntryAsync(TestDistributedApplicationBuilder builder, IResource resource)
    {
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            var context = new ManifestPublishingContext(builder.ExecutionContext, "aspire-manifest.json", writer);
            await resource.Annotations.OfType<ManifestPublishingCallbackAnnotation>().Last().Callback!(context);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
