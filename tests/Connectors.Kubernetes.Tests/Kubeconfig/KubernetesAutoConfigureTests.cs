using System.Text;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Support;

namespace Connectors.Kubernetes.Tests.Kubeconfig;

public sealed class KubernetesAutoConfigureTests : IDisposable
{
    private static readonly TestCertificates.Material Certs = TestCertificates.Default;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private KubeconfigSet Write(string user, string cluster = "", string contextExtra = "")
    {
        var caLine = cluster.Contains("certificate-authority", StringComparison.Ordinal) || cluster.Contains("insecure", StringComparison.Ordinal) ? string.Empty : "    certificate-authority-data: " + B64(Certs.CaPem) + "\n";
        var file = temp.Write("kube/config",
            "apiVersion: v1\nkind: Config\ncurrent-context: dev\n" +
            "clusters:\n- name: dev-cluster\n  cluster:\n    server: https://kube-dev.example.test:6443\n" + caLine + cluster +
            "users:\n- name: dev-user\n  user:\n" + user +
            "contexts:\n- name: dev\n  context:\n    cluster: dev-cluster\n    user: dev-user\n" + contextExtra);
        return KubeconfigLoader.Load([file]);
    }

    private static Task<KubernetesConnectorSpec> Lift(KubeconfigSet set, KubernetesAutoConfigureOptions? options = null)
    {
        options ??= new KubernetesAutoConfigureOptions();
        options.KubeconfigSet = set;
        return KubernetesAutoConfigure.ConfigureAsync("kube-auto", options);
    }

    [Fact]
    public async Task A_token_context_becomes_a_token_connector_named_after_the_server_host()
    {
        var spec = await Lift(Write("    token: abc123\n", contextExtra: "    namespace: ml\n"));
        Assert.Equal("kube-auto", spec.Name);
        Assert.Equal("https://kube-dev.example.test:6443", spec.Server);
        Assert.Equal("kube-dev.example.test", spec.ClusterName);
        Assert.Equal(KubernetesAuthMethod.Token, spec.AuthMethod);
        Assert.Equal("abc123", spec.Token!.Reveal());
        Assert.Equal(Certs.CaPem, spec.CertificateAuthorityData);
        Assert.Equal("ml", spec.Namespace);
        Assert.Null(spec.ExpiresAt);
        Assert.Equal(KubernetesValueOrigin.Kubeconfig, spec.Sources["Token"].Origin);
        Assert.Contains("user 'dev-user'", spec.Sources["Token"].Detail);
        Assert.Contains("cluster 'dev-cluster'", spec.Sources["Server"].Detail);
    }

    [Fact]
    public async Task A_given_cluster_name_wins()
    {
        var spec = await Lift(Write("    token: abc\n"), new KubernetesAutoConfigureOptions { ClusterName = "dev" });
        Assert.Equal("dev", spec.ClusterName);
    }

    [Fact]
    public async Task Files_referenced_relatively_are_read_from_the_kubeconfig_directory()
    {
        temp.Write("kube/certs/ca.crt", Certs.CaPem);
        temp.Write("kube/certs/client.crt", Certs.ClientCertificatePem);
        temp.Write("kube/certs/client.key", Certs.ClientKeyPem);
        temp.Write("kube/token", "  file-token \n");
        var spec = await Lift(Write(
            "    client-certificate: certs/client.crt\n    client-key: certs/client.key\n    tokenFile: token\n",
            "    certificate-authority: certs/ca.crt\n"));
        Assert.Equal(Certs.CaPem, spec.CertificateAuthorityData);
        Assert.Equal(Certs.ClientCertificatePem, spec.ClientCertificateData);
        Assert.Equal(Certs.ClientKeyPem, spec.ClientKeyData!.Reveal());
        Assert.Equal("file-token", spec.Token!.Reveal());
        Assert.Equal(Path.Combine(temp.Path, "kube", "token"), spec.TokenFile);
    }

    [Fact]
    public async Task Basic_auth_becomes_the_password_method()
    {
        var spec = await Lift(Write("    username: admin\n    password: s3cret\n"));
        Assert.Equal(KubernetesAuthMethod.Password, spec.AuthMethod);
        Assert.Equal("admin", spec.Username!.Reveal());
        Assert.Equal("s3cret", spec.Password!.Reveal());
    }

    [Fact]
    public async Task The_empty_token_of_k3d_style_configs_is_kept_with_the_client_certificate()
    {
        var spec = await Lift(Write("    token: \"\"\n    client-certificate-data: " + B64(Certs.ClientCertificatePem) + "\n    client-key-data: " + B64(Certs.ClientKeyPem) + "\n"));
        Assert.True(spec.Token!.IsEmpty);
        Assert.Equal(Certs.ClientCertificatePem, spec.ClientCertificateData);
    }

    [Fact]
    public async Task A_jwt_token_gives_the_expiry()
    {
        var expiry = DateTimeOffset.UtcNow.AddHours(3);
        var spec = await Lift(Write("    token: " + Jwt.WithExpiry(expiry) + "\n"));
        Assert.Equal(expiry.ToUnixTimeSeconds(), spec.ExpiresAt!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task An_auth_provider_is_KC1208_pointing_to_exec_plugins()
    {
        var e = await Assert.ThrowsAsync<KubeconfigException>(() => Lift(Write("    auth-provider:\n      name: gcp\n      config: {access-token: secret-value}\n")));
        Assert.Equal("KC1208", e.Code);
        Assert.Contains("exec", e.Message);
        Assert.Equal("user 'dev-user'", e.Entry);
        Assert.DoesNotContain("secret-value", e.Message);
    }

    [Theory]
    [InlineData("    token: abc\n    username: admin\n    password: pw\n", "more than one authentication method")]
    [InlineData("    client-certificate: /x.crt\n    client-certificate-data: QQ==\n    client-key: /x.key\n", "client-certificate-data and client-certificate are both specified")]
    [InlineData("    client-certificate-data: QQ==\n", "client-key-data or client-key must be specified")]
    public async Task Conflicting_user_settings_are_KC1209_as_kubectl_reports_them(string user, string expected)
    {
        var e = await Assert.ThrowsAsync<KubeconfigException>(() => Lift(Write(user)));
        Assert.Equal("KC1209", e.Code);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task An_unreadable_referenced_file_is_KC1210_naming_the_resolved_path()
    {
        var e = await Assert.ThrowsAsync<KubeconfigException>(() => Lift(Write("    token: abc\n", "    certificate-authority: certs/missing.crt\n")));
        Assert.Equal("KC1210", e.Code);
        Assert.Contains(Path.Combine(temp.Path, "kube", "certs", "missing.crt"), e.Message);
    }

    [Fact]
    public async Task A_cluster_without_server_is_KC1216()
    {
        var file = temp.Write("c", "current-context: x\nclusters:\n- name: c\n  cluster: {}\ncontexts:\n- name: x\n  context: {cluster: c}\n");
        var e = await Assert.ThrowsAsync<KubeconfigException>(() => Lift(KubeconfigLoader.Load([file])));
        Assert.Equal("KC1216", e.Code);
    }

    [Fact]
    public async Task The_lifted_spec_is_validated_with_the_shared_rules()
    {
        var e = await Assert.ThrowsAsync<KubernetesConnectorException>(() => Lift(Write("    token: abc\n", contextExtra: "    namespace: Not_Valid\n")));
        Assert.Equal("KC1020", e.Code);
        var ok = await Lift(Write("    token: abc\n", contextExtra: "    namespace: Not_Valid\n"), new KubernetesAutoConfigureOptions { Validate = false });
        Assert.Equal("Not_Valid", ok.Namespace);
    }
}
