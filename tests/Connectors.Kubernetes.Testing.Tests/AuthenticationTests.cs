using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Connectors.Kubernetes.Testing.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Connectors.Kubernetes.Testing.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Each_auth_method_is_recognised_by_the_official_client()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = server.Identities.AddToken("tina", groups: ["ml"]);
        var basic = server.Identities.AddBasic("bob", "s3cret", groups: ["ops"]);
        var certificate = server.Identities.AddClientCertificate("carol", ["team-a", "team-b"]);

        foreach (var (identity, groups) in new[] { (token, new[] { "ml" }), (basic, ["ops"]), (certificate, ["team-a", "team-b"]) })
        {
            using var client = Clients.Official(server, identity);
            var review = await client.AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());
            Assert.Equal(identity.UserName, review.Status.UserInfo.Username);
            Assert.Equal([.. groups, "system:authenticated"], review.Status.UserInfo.Groups);
        }
    }

    [Fact]
    public async Task Wrong_or_missing_credentials_get_401_with_a_Status_body()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        using var wrong = Clients.Raw(server, token: "not-a-known-token");
        var (code, body) = await Clients.GetJsonAsync(wrong, "/api/v1/namespaces");
        Assert.Equal(401, code);
        Assert.Equal("Status", body["kind"]!.GetValue<string>());
        Assert.Equal("Unauthorized", body["reason"]!.GetValue<string>());
        Assert.Equal(401, body["code"]!.GetValue<int>());

        using var anonymous = Clients.Raw(server);
        Assert.Equal(401, (await Clients.GetJsonAsync(anonymous, "/version")).Code);

        using var badPassword = Clients.Raw(server);
        server.Identities.AddBasic("bob", "right");
        badPassword.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:wrong")));
        Assert.Equal(401, (await Clients.GetJsonAsync(badPassword, "/api/v1/namespaces")).Code);
    }

    [Fact]
    public async Task Anonymous_requests_reach_only_version_health_and_discovery_when_allowed()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { AllowAnonymousDiscovery = true });
        using var anonymous = Clients.Raw(server);
        foreach (var path in new[] { "/version", "/api", "/api/v1", "/apis", "/apis/apps/v1" })
        {
            Assert.Equal(200, (await Clients.GetJsonAsync(anonymous, path)).Code);
        }

        foreach (var path in new[] { "/healthz", "/livez", "/readyz" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        }

        var (code, body) = await Clients.GetJsonAsync(anonymous, "/api/v1/namespaces");
        Assert.Equal(403, code);
        Assert.Equal("Forbidden", body["reason"]!.GetValue<string>());
        Assert.Contains("system:anonymous", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_certificate_not_signed_by_the_server_CA_is_rejected()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        await using var other = await LoopbackKubernetesServer.StartAsync();
        var foreign = other.Identities.AddClientCertificate("mallory");
        using var certificate = X509Certificate2.CreateFromPem(foreign.ClientCertificatePem, foreign.ClientKeyPem);
        using var client = Clients.Raw(server, clientCertificate: X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null));
        Assert.Equal(401, (await Clients.GetJsonAsync(client, "/api/v1/namespaces")).Code);
    }

    [Fact]
    public async Task Rules_limit_verbs_resources_and_namespaces_with_403_Status_bodies()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { Namespaces = { "ml" } });
        var reader = server.Identities.AddToken("reader", rules: [LoopbackAccessRule.ReadOnly(["pods", "pods/log"], ["ml"])]);
        using var client = Clients.Official(server, reader);

        var pods = await client.CoreV1.ListNamespacedPodAsync("ml");
        Assert.Empty(pods.Items);

        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedPodAsync("default"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode);
        Assert.Contains("User \\\"reader\\\" cannot list resource \\\"pods\\\" in API group \\\"\\\" in the namespace \\\"default\\\"", denied.Response.Content);

        var create = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, "ml"));
        Assert.Equal(HttpStatusCode.Forbidden, create.Response.StatusCode);

        var clusterScoped = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespaceAsync());
        Assert.Equal(HttpStatusCode.Forbidden, clusterScoped.Response.StatusCode);

        var mayList = await client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "list", Resource = "pods", NamespaceProperty = "ml" } },
        });
        Assert.True(mayList.Status.Allowed);
        var mayDelete = await client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "delete", Resource = "pods", NamespaceProperty = "ml" } },
        });
        Assert.False(mayDelete.Status.Allowed);
    }

    [Fact]
    public async Task Identities_never_show_their_credentials()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync();
        {
            var token = server.Identities.AddToken("tina", token: "tok-visible-only-on-purpose");
            var basic = server.Identities.AddBasic("bob", "pw-visible-only-on-purpose");
            Assert.DoesNotContain("tok-visible", token.ToString());
            Assert.DoesNotContain("pw-visible", basic.ToString());
            Assert.DoesNotContain("tok-visible", server.GetKubeconfig(token).ToString());
            Assert.Contains("tok-visible-only-on-purpose", server.GetKubeconfig(token).ToYaml());
        }
    }
}
