using System.Text.Json;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Login;
using Connectors.Tests.Shared;

namespace Connectors.Kubernetes.Tests.Login;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are POSIX
public sealed class KubeconfigLoginTests : IDisposable
{
    // Every server a kubeconfig here names is loopback: the kubectl dispatcher contacts it.
    private const string Server = "https://127.0.0.1:6443";

    private const string Unrelated = """
        apiVersion: v1
        kind: Config
        preferences:
          colors: true
        clusters:
        - name: other
          cluster:
            server: https://127.0.0.1:7443
            insecure-skip-tls-verify: true
          extensions:
          - name: keep-me
            extension: {note: unrelated}
        users:
        - name: other-user
          user:
            token: other-token
        contexts:
        - name: other
          context:
            cluster: other
            user: other-user
            namespace: team-a
        current-context: other
        x-unknown-field: kept-as-is
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static KubernetesConnectorSpec TokenSpec(string name = "kube-prod", string? clusterName = "kube-prod", string token = "s3cr3t-token") => new()
    {
        Name = name,
        Server = Server,
        ClusterName = clusterName,
        AuthMethod = KubernetesAuthMethod.Token,
        Token = new SecretValue(token),
        CertificateAuthorityData = TestPem.SelfSignedCertificate(),
        Namespace = "ml",
    };

    [SkippableFact]
    public async Task Login_into_a_missing_file_creates_an_owner_only_kubeconfig_that_kubectl_reads()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = _temp.File("nested/config");
        var spec = TokenSpec();

        var result = await KubeconfigLogin.LoginAsync(spec, new KubeconfigLoginOptions { KubeconfigPath = path });

        Assert.True(result.FileCreated);
        Assert.Equal("kube-prod", result.ContextName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var view = await Kubectl.ViewAsync(path);
        Assert.Equal("kube-prod", view.GetProperty("current-context").GetString());
        var cluster = JsonDocument.Parse(Kubectl.Entry(view, "clusters", "kube-prod")!).RootElement.GetProperty("cluster");
        Assert.Equal(Server, cluster.GetProperty("server").GetString());
        var caPem = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(cluster.GetProperty("certificate-authority-data").GetString()!));
        Assert.Equal(spec.CertificateAuthorityData!.Trim(), caPem.Trim());
        var user = JsonDocument.Parse(Kubectl.Entry(view, "users", "kube-prod")!).RootElement.GetProperty("user");
        Assert.Equal("s3cr3t-token", user.GetProperty("token").GetString());
        var context = JsonDocument.Parse(Kubectl.Entry(view, "contexts", "kube-prod")!).RootElement.GetProperty("context");
        Assert.Equal("ml", context.GetProperty("namespace").GetString());
        Assert.Equal("kube-prod", context.GetProperty("user").GetString());
        Assert.False(File.Exists(path + ".lock"));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [SkippableFact]
    public async Task Login_merges_and_kubectl_config_view_shows_unrelated_entries_unchanged()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = _temp.File("config");
        await File.WriteAllTextAsync(path, Unrelated);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var before = await Kubectl.ViewAsync(path);

        var result = await KubeconfigLogin.LoginAsync(TokenSpec(), new KubeconfigLoginOptions { KubeconfigPath = path, SetCurrentContext = false });

        Assert.False(result.FileCreated);
        var after = await Kubectl.ViewAsync(path);
        foreach (var (section, name) in new[] { ("clusters", "other"), ("users", "other-user"), ("contexts", "other") })
        {
            Assert.Equal(Kubectl.Entry(before, section, name), Kubectl.Entry(after, section, name));
        }

        Assert.Equal(before.GetProperty("preferences").GetRawText(), after.GetProperty("preferences").GetRawText());
        Assert.Equal("other", after.GetProperty("current-context").GetString());
        Assert.Equal(["kube-prod", "other"], Kubectl.Names(after, "clusters").Order());

        // Fields kubectl does not show survive too, and the file keeps its mode.
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("x-unknown-field: kept-as-is", text);
        Assert.Contains("name: keep-me", text);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [SkippableFact]
    public async Task Login_again_replaces_its_own_entries_instead_of_duplicating_them()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = _temp.File("config");
        await KubeconfigLogin.LoginAsync(TokenSpec(token: "first"), new KubeconfigLoginOptions { KubeconfigPath = path });
        await KubeconfigLogin.LoginAsync(TokenSpec(token: "second"), new KubeconfigLoginOptions { KubeconfigPath = path });

        var view = await Kubectl.ViewAsync(path);
        Assert.Equal(["kube-prod"], Kubectl.Names(view, "users"));
        Assert.Contains("\"second\"", Kubectl.Entry(view, "users", "kube-prod"));
    }

    [SkippableFact]
    public async Task Logout_removes_only_what_login_wrote_and_clears_its_current_context()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = _temp.File("config");
        await File.WriteAllTextAsync(path, Unrelated);
        var before = await Kubectl.ViewAsync(path);
        await KubeconfigLogin.LoginAsync(TokenSpec(), new KubeconfigLoginOptions { KubeconfigPath = path });

        var result = await KubeconfigLogin.LogoutAsync(TokenSpec(), new KubeconfigLoginOptions { KubeconfigPath = path });

        Assert.Equal(3, result.EntriesRemoved);
        Assert.True(result.CurrentContextChanged);
        var after = await Kubectl.ViewAsync(path);
        Assert.Equal(["other"], Kubectl.Names(after, "clusters"));
        Assert.Equal(["other-user"], Kubectl.Names(after, "users"));
        Assert.Equal(Kubectl.Entry(before, "contexts", "other"), Kubectl.Entry(after, "contexts", "other"));
        Assert.False(after.TryGetProperty("current-context", out var current) && current.GetString() is { Length: > 0 });
    }

    [Fact]
    public async Task Logout_of_something_never_logged_in_leaves_the_file_byte_for_byte()
    {
        var path = _temp.File("config");
        await File.WriteAllTextAsync(path, Unrelated);

        var result = await KubeconfigLogin.LogoutAsync(TokenSpec(), new KubeconfigLoginOptions { KubeconfigPath = path });

        Assert.Equal(0, result.EntriesRemoved);
        Assert.Equal(Unrelated, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_held_lock_is_refused_with_a_coded_error_and_the_file_is_untouched()
    {
        var path = _temp.File("config");
        await File.WriteAllTextAsync(path, Unrelated);
        await File.WriteAllTextAsync(path + ".lock", string.Empty);

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() =>
            KubeconfigLogin.LoginAsync(TokenSpec(), new KubeconfigLoginOptions { KubeconfigPath = path, LockWait = TimeSpan.FromMilliseconds(200) }));

        Assert.Equal(KubeconfigWriteErrorCodes.LockHeld, error.Code);
        Assert.Contains(path + ".lock", error.Message);
        Assert.Equal(Unrelated, await File.ReadAllTextAsync(path));
        Assert.True(File.Exists(path + ".lock"), "someone else's lock must not be removed");
    }

    [Fact]
    public async Task A_read_only_kubeconfig_is_refused_and_left_byte_for_byte()
    {
        // The atomic rename needs only a writable directory: without a check it replaced the file.
        var path = _temp.File("config");
        await File.WriteAllTextAsync(path, Unrelated);
        File.SetUnixFileMode(path, UnixFileMode.UserRead);

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() =>
            KubeconfigLogin.LoginAsync(TokenSpec(), new KubeconfigLoginOptions { KubeconfigPath = path }));

        Assert.Equal(KubeconfigWriteErrorCodes.WriteFailed, error.Code);
        Assert.Contains("read-only", error.Message);
        Assert.Equal(Unrelated, await File.ReadAllTextAsync(path));
        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(path));
        Assert.False(File.Exists(path + ".lock"));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task A_lock_released_while_waiting_lets_the_login_through()
    {
        var path = _temp.File("config");
        await File.WriteAllTextAsync(path + ".lock", string.Empty);
        var login = KubeconfigLogin.LoginAsync(TokenSpec(), new KubeconfigLoginOptions { KubeconfigPath = path, LockWait = TimeSpan.FromSeconds(10) });
        await Task.Delay(150);
        Assert.False(login.IsCompleted);

        File.Delete(path + ".lock");

        await login;
        Assert.Contains("kube-prod", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_file_that_is_not_a_kubeconfig_mapping_is_refused_and_left_alone()
    {
        var path = _temp.File("config");
        const string broken = "clusters: [unclosed\n";
        await File.WriteAllTextAsync(path, broken);

        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() =>
            KubeconfigLogin.LoginAsync(TokenSpec(), new KubeconfigLoginOptions { KubeconfigPath = path }));

        Assert.Equal(KubeconfigWriteErrorCodes.CannotMerge, error.Code);
        Assert.Equal(broken, await File.ReadAllTextAsync(path));
        Assert.False(File.Exists(path + ".lock"));
    }

    [SkippableFact]
    public async Task Password_certificate_exec_and_token_file_users_are_written_as_kubectl_expects()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = _temp.File("config");
        var (certificate, key) = TestPem.CertificateWithKey();
        await KubeconfigLogin.LoginAsync(
            new KubernetesConnectorSpec
            {
                Name = "basic", Server = Server, ClusterName = "basic", AuthMethod = KubernetesAuthMethod.Password,
                Username = new SecretValue("admin"), Password = new SecretValue("true"), InsecureSkipTlsVerify = true,
            },
            new KubeconfigLoginOptions { KubeconfigPath = path });
        await KubeconfigLogin.LoginAsync(
            new KubernetesConnectorSpec
            {
                Name = "certs", Server = Server, ClusterName = "certs", TlsServerName = "kube.example.test",
                ClientCertificateData = certificate, ClientKeyData = new SecretValue(key), CertificateAuthorityData = TestPem.SelfSignedCertificate(),
            },
            new KubeconfigLoginOptions { KubeconfigPath = path });
        await KubeconfigLogin.LoginAsync(
            new KubernetesConnectorSpec
            {
                Name = "exec", Server = Server, ClusterName = "exec",
                Exec = new KubernetesExecConfig
                {
                    Command = "my-plugin", ApiVersion = "client.authentication.k8s.io/v1", Arguments = ["get-token", "--cluster", "12345"],
                    Environment = [new("REGION", "eu-1")], ProvideClusterInfo = true,
                },
            },
            new KubeconfigLoginOptions { KubeconfigPath = path });
        await KubeconfigLogin.LoginAsync(
            new KubernetesConnectorSpec { Name = "file", Server = Server, ClusterName = "file", TokenFile = "/var/run/secrets/token" },
            new KubeconfigLoginOptions { KubeconfigPath = path, ContextName = "file-ctx" });

        var view = await Kubectl.ViewAsync(path);
        var basic = JsonDocument.Parse(Kubectl.Entry(view, "users", "basic")!).RootElement.GetProperty("user");
        Assert.Equal("admin", basic.GetProperty("username").GetString());
        Assert.Equal("true", basic.GetProperty("password").GetString()); // quoted: not read back as a boolean
        Assert.True(JsonDocument.Parse(Kubectl.Entry(view, "clusters", "basic")!).RootElement.GetProperty("cluster").GetProperty("insecure-skip-tls-verify").GetBoolean());

        var certs = JsonDocument.Parse(Kubectl.Entry(view, "users", "certs")!).RootElement.GetProperty("user");
        Assert.Equal(certificate.Trim(), System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(certs.GetProperty("client-certificate-data").GetString()!)).Trim());
        Assert.Equal(key.Trim(), System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(certs.GetProperty("client-key-data").GetString()!)).Trim());
        Assert.Equal("kube.example.test", JsonDocument.Parse(Kubectl.Entry(view, "clusters", "certs")!).RootElement.GetProperty("cluster").GetProperty("tls-server-name").GetString());

        var exec = JsonDocument.Parse(Kubectl.Entry(view, "users", "exec")!).RootElement.GetProperty("user").GetProperty("exec");
        Assert.Equal("my-plugin", exec.GetProperty("command").GetString());
        Assert.Equal(["get-token", "--cluster", "12345"], exec.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal("eu-1", exec.GetProperty("env")[0].GetProperty("value").GetString());
        Assert.True(exec.GetProperty("provideClusterInfo").GetBoolean());

        var file = JsonDocument.Parse(Kubectl.Entry(view, "users", "file-ctx")!).RootElement.GetProperty("user");
        Assert.Equal("/var/run/secrets/token", file.GetProperty("tokenFile").GetString());
        Assert.Equal("file-ctx", view.GetProperty("current-context").GetString());
    }

    [Fact]
    public async Task A_symlinked_kubeconfig_is_updated_through_the_link()
    {
        var real = _temp.File("dotfiles-config");
        await File.WriteAllTextAsync(real, Unrelated);
        var link = _temp.File("config");
        File.CreateSymbolicLink(link, real);

        await KubeconfigLogin.LoginAsync(TokenSpec(), new KubeconfigLoginOptions { KubeconfigPath = link });

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("name: kube-prod", await File.ReadAllTextAsync(real));
    }

    [Fact]
    public void The_target_file_follows_kubectl_order_explicit_then_KUBECONFIG_then_home()
    {
        var separator = Path.PathSeparator;
        Assert.Equal("/a/explicit", KubeconfigTarget.Resolve("/a/explicit", $"/b/first{separator}/b/second", "/home/u"));
        Assert.Equal("/b/first", KubeconfigTarget.Resolve(null, $"{separator}/b/first{separator}/b/second", "/home/u"));
        Assert.Equal("/home/u/.kube/config", KubeconfigTarget.Resolve(null, "", "/home/u"));
        Assert.Equal("/home/u/.kube/config", KubeconfigTarget.Resolve(null, null, "/home/u"));
    }

    [Fact]
    public async Task The_entry_name_defaults_to_the_cluster_name_and_then_to_the_server_host_as_ZenML_does()
    {
        var path = _temp.File("config");
        var result = await KubeconfigLogin.LoginAsync(TokenSpec(clusterName: null), new KubeconfigLoginOptions { KubeconfigPath = path });

        Assert.Equal("127.0.0.1", result.ContextName);
        Assert.Contains("current-context: \"127.0.0.1\"", await File.ReadAllTextAsync(path));
    }
}
