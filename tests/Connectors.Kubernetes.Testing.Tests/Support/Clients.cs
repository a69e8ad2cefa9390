using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using k8s;

namespace Connectors.Kubernetes.Testing.Tests.Support;

/// <summary>Ways for tests to reach a running server: the official client, or raw HTTP with the CA trusted.</summary>
public static class Clients
{
    /// <summary>The official client, configured only from the kubeconfig text the server emits.</summary>
    public static k8s.Kubernetes Official(LoopbackKubeconfig kubeconfig)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(kubeconfig.ToYaml()));
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(stream);
        return new k8s.Kubernetes(config);
    }

    public static k8s.Kubernetes Official(LoopbackKubernetesServer server, LoopbackIdentity? identity = null)
        => Official(server.GetKubeconfig(identity));

    /// <summary>An HttpClient that trusts only the server's CA (host name checked), with an optional bearer token.</summary>
    public static HttpClient Raw(LoopbackKubernetesServer server, string? token = null, X509Certificate2? clientCertificate = null, Version? version = null)
    {
        var ca = X509Certificate2.CreateFromPem(server.CertificateAuthorityPem);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if ((errors & System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || certificate is null)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        var client = new HttpClient(handler) { BaseAddress = server.Url };
        if (version is not null)
        {
            client.DefaultRequestVersion = version;
            client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }

        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static async Task<(int Code, JsonObject Body)> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }
}
