using Connectors.Kubernetes.Testing.Tests.Support;
using k8s;

namespace Connectors.Kubernetes.Testing.Tests;

public sealed class KubeconfigTests
{
    [Fact]
    public async Task The_kubeconfig_file_is_private_and_read_by_the_official_loader()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { ClusterName = "lab" });
        var identity = server.Identities.AddClientCertificate("carol", ["team-a"]);
        using var temp = new TempDirectory();
        var path = await server.WriteKubeconfigAsync(temp.File("nested/config"), identity);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        Assert.Equal(server.Url.ToString().TrimEnd('/'), config.Host.TrimEnd('/'));
        Assert.Equal("carol@lab", config.CurrentContext);
        Assert.Equal("default", config.Namespace);
        Assert.NotNull(config.ClientCertificateData);
        Assert.Single(config.SslCaCerts);
        Assert.Null(config.AccessToken);

        var kubeconfig = server.GetKubeconfig(identity, "ml");
        Assert.Equal("ml", kubeconfig.Namespace);
        Assert.Equal(server.CertificateAuthorityPem, kubeconfig.CertificateAuthorityPem);
        Assert.Contains("client-key-data: ", kubeconfig.ToYaml());
    }

    [SkippableFact]
    public async Task A_configured_server_name_is_verified_through_tls_server_name()
    {
        Kubectl.SkipIfMissing();
        await using var server = await LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { ServerName = "kube-prod.example.test" });
        using var temp = new TempDirectory();
        var named = server.GetKubeconfig() with { TlsServerName = "kube-prod.example.test" };
        var ok = await Kubectl.RunAsync(await named.WriteAsync(temp.File("named")), "get", "ns", "default");
        Assert.True(ok.ExitCode == 0, ok.Error);

        var wrong = server.GetKubeconfig() with { TlsServerName = "kube-other.example.test" };
        var refused = await Kubectl.RunAsync(await wrong.WriteAsync(temp.File("wrong")), "get", "ns", "default");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("x509", refused.Error);
    }

    [Fact]
    public async Task Bad_options_are_refused_with_a_clear_message()
    {
        var negative = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { JobDuration = TimeSpan.FromSeconds(-1) }));
        Assert.Contains("JobDuration cannot be negative", negative.Message);
        var version = await Assert.ThrowsAsync<ArgumentException>(() => LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { KubernetesVersion = "1.32" }));
        Assert.Contains("v1.32.0", version.Message);
        var name = await Assert.ThrowsAsync<ArgumentException>(() => LoopbackKubernetesServer.StartAsync(new LoopbackKubernetesServerOptions { ServerName = "https://x" }));
        Assert.Contains("ServerName", name.Message);

        await using var server = await LoopbackKubernetesServer.StartAsync();
        Assert.Throws<InvalidOperationException>(() => server.Identities.AddToken(server.Identities.Admin.UserName));
        Assert.Throws<ArgumentException>(() => server.Identities.AddToken("system:kube-proxy"));
        Assert.Throws<InvalidOperationException>(() => server.Identities.AddBasic("bob").RotateToken());
        Assert.Throws<ArgumentOutOfRangeException>(() => server.Faults.FailNext(1, statusCode: 404));
    }
}
