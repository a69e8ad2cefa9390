using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Connectors.Cli.Tests.Support;
using Connectors.Kubernetes.Testing;

namespace Connectors.Cli.Tests.Commands;

/// <summary>register (verified), --auto-configure, verify and login against the loopback Kubernetes API server.</summary>
public sealed class ClusterCommandTests : IAsyncLifetime, IDisposable
{
    /// <summary>A kubeconfig with one unrelated context (loopback, refused port) that login and logout must keep.</summary>
    private const string UnrelatedKubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: unrelated
          cluster:
            server: https://127.0.0.1:1
        contexts:
        - name: unrelated
          context:
            cluster: unrelated
            user: unrelated
        users:
        - name: unrelated
          user:
            token: keep-me
        current-context: unrelated
        """;

    private readonly CliWorkspace _workspace = new();
    private LoopbackKubernetesServer _server = null!;
    private string _caFile = null!;
    private string _tokenFile = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackKubernetesServer.StartAsync();
        _caFile = _workspace.Write("ca.crt", _server.CertificateAuthorityPem);
        _tokenFile = _workspace.Write("token", _server.Identities.Admin.Token!);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<CliResult> RegisterAsync(string name, params string[] extra) =>
        _workspace.RunAsync(["register", name, "--server", _server.Url.ToString(), "--token", "@" + _tokenFile, "--certificate-authority", _caFile, .. extra]);

    [Fact]
    public async Task Register_verifies_then_verify_reports_the_identity()
    {
        var register = await RegisterAsync("kube-loop", "--cluster-name", "loop");
        Assert.True(register.ExitCode == 0, register.ToString());
        Assert.Contains("verified access to", register.Output, StringComparison.Ordinal);
        Assert.Contains("loop", register.Output, StringComparison.Ordinal);

        var verify = await _workspace.RunAsync("verify", "kube-loop");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains(_server.Identities.Admin.UserName, verify.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Identities.Admin.Token!, verify.All, StringComparison.Ordinal);

        var json = JsonNode.Parse((await _workspace.RunAsync("verify", "kube-loop", "-o", "json")).Output)!;
        Assert.True((bool)json["succeeded"]!);
        Assert.Equal(_server.Identities.Admin.UserName, (string?)json["user"]);
        Assert.Equal("loop", (string?)json["resourceName"]);
    }

    [Fact]
    public async Task An_unreachable_cluster_fails_registration_with_exit_6_and_writes_nothing()
    {
        var before = _workspace.ProjectText;
        var closed = $"https://127.0.0.1:{ClosedPort()}";

        var result = await _workspace.RunAsync("register", "kube-down", "--server", closed, "--token", "@" + _tokenFile, "--certificate-authority", _caFile, "--timeout", "5");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("error KC5116", result.Error, StringComparison.Ordinal);
        Assert.Contains("unreachable", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.ProjectText);
        Assert.Null(_workspace.SecretsText());
    }

    [Fact]
    public async Task Verify_classifies_an_unreachable_cluster_and_a_wrong_ca()
    {
        Assert.Equal(0, (await _workspace.RunAsync("register", "kube-down", "--server", $"https://127.0.0.1:{ClosedPort()}", "--token", "@" + _tokenFile, "--no-verify")).ExitCode);
        var down = await _workspace.RunAsync("verify", "kube-down", "--timeout", "5", "-o", "json");
        Assert.Equal(6, down.ExitCode);
        Assert.Equal("unreachable", (string?)JsonNode.Parse(down.Output)!["failure"]);
        Assert.Contains("error KC5116", down.Error, StringComparison.Ordinal);

        var otherCa = _workspace.Write("other-ca.crt", TestCertificates.CaPem);
        Assert.Equal(0, (await _workspace.RunAsync("register", "kube-wrong-ca", "--server", _server.Url.ToString(), "--token", "@" + _tokenFile, "--certificate-authority", otherCa, "--no-verify")).ExitCode);
        var tls = await _workspace.RunAsync("verify", "kube-wrong-ca", "--timeout", "5");
        Assert.Equal(6, tls.ExitCode);
        Assert.Contains("(tls", tls.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_configure_lifts_the_current_context_and_the_connector_verifies()
    {
        var kubeconfig = await _server.WriteKubeconfigAsync(_workspace.Environment["KUBECONFIG"]!);

        var result = await _workspace.RunAsync("register", "kube-auto", "--auto-configure", "--label", "source=kubeconfig");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("verified access to", result.Output, StringComparison.Ordinal);
        Assert.Contains($"Server=\"{_server.Url.ToString().TrimEnd('/')}", _workspace.ProjectText, StringComparison.Ordinal);
        var secrets = JsonNode.Parse(_workspace.SecretsText()!)!;
        Assert.Equal(_server.Identities.Admin.Token, (string?)secrets["Parameters:kube-auto-token"]);
        Assert.NotNull(secrets["Parameters:kube-auto-certificate-authority"]);
        Assert.DoesNotContain(_server.Identities.Admin.Token!, _workspace.ProjectText, StringComparison.Ordinal);
        Assert.True(File.Exists(kubeconfig));
    }

    [Fact]
    public async Task Auto_configure_with_link_keeps_the_context_and_describe_reads_it()
    {
        var loop = _server.GetKubeconfig();
        await _server.WriteKubeconfigAsync(_workspace.Environment["KUBECONFIG"]!);

        var result = await _workspace.RunAsync("register", "kube-linked", "--auto-configure", "--context", loop.ContextName, "--link");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"<KubernetesConnector Include=\"kube-linked\" AutoConfigure=\"true\" Context=\"{loop.ContextName}\" />", _workspace.ProjectText, StringComparison.Ordinal);
        Assert.Null(_workspace.SecretsText());

        var describe = await _workspace.RunAsync("describe", "kube-linked", "-o", "json");
        var json = JsonNode.Parse(describe.Output)!;
        Assert.True((bool)json["linked"]!);
        Assert.Equal("[HIDDEN]", (string?)json["configuration"]!["token"]);
        Assert.Equal(0, (await _workspace.RunAsync("verify", "kube-linked")).ExitCode);

        var missing = await _workspace.RunAsync("register", "kube-missing", "--auto-configure", "--context", "no-such-context");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("error KC1204", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_context_whose_user_runs_an_exec_plugin_is_linked_not_copied()
    {
        var kubeconfig = _workspace.Write("exec-kubeconfig", $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: loop
              cluster:
                server: {_server.Url}
            contexts:
            - name: with-exec
              context:
                cluster: loop
                user: plugin
            users:
            - name: plugin
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: never-run-by-register
                  interactiveMode: Never
            current-context: with-exec
            """);

        var result = await _workspace.RunAsync("register", "kube-exec", "--auto-configure", "--kubeconfig", kubeconfig, "--no-verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"<KubernetesConnector Include=\"kube-exec\" AutoConfigure=\"true\" Context=\"with-exec\" Kubeconfig=\"{Path.GetRelativePath(_workspace.AppHostFolder, kubeconfig)}\" />", _workspace.ProjectText, StringComparison.Ordinal);
        Assert.Null(_workspace.SecretsText());
    }

    [SkippableFact]
    public async Task Login_writes_a_context_kubectl_uses_and_keeps_other_entries()
    {
        Skip.IfNot(File.Exists("/usr/bin/kubectl") || File.Exists("/usr/local/bin/kubectl"), "kubectl is not installed");
        Assert.Equal(0, (await RegisterAsync("kube-loop", "--cluster-name", "loop", "--namespace", "default")).ExitCode);
        var kubeconfig = _workspace.Environment["KUBECONFIG"]!;
        Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
        File.WriteAllText(kubeconfig, UnrelatedKubeconfig);

        var login = await _workspace.RunAsync("login", "kube-loop");
        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("current kubectl context is now 'loop'", login.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Identities.Admin.Token!, login.All, StringComparison.Ordinal);

        var (exit, output) = await KubectlAsync(kubeconfig, "get", "namespaces", "-o", "name");
        Assert.True(exit == 0, output);
        Assert.Contains("namespace/default", output, StringComparison.Ordinal);
        var text = File.ReadAllText(kubeconfig);
        Assert.Contains("keep-me", text, StringComparison.Ordinal);
        Assert.Contains("current-context: loop", text, StringComparison.Ordinal);

        File.WriteAllText(kubeconfig + ".lock", string.Empty);
        var locked = await _workspace.RunAsync("login", "kube-loop", "--context-name", "other");
        Assert.Equal(5, locked.ExitCode);
        Assert.Contains("error KC1350", locked.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_removes_what_login_wrote_keeps_the_rest_and_is_idempotent()
    {
        Assert.Equal(0, (await RegisterAsync("kube-loop", "--cluster-name", "loop", "--no-verify")).ExitCode);
        var kubeconfig = _workspace.Write("logout/config", UnrelatedKubeconfig);
        Assert.Equal(0, (await _workspace.RunAsync("login", "kube-loop", "--kubeconfig", kubeconfig)).ExitCode);
        Assert.Contains("current-context: loop", File.ReadAllText(kubeconfig), StringComparison.Ordinal);

        var logout = await _workspace.RunAsync("logout", "kube-loop", "--kubeconfig", kubeconfig, "-o", "json");

        Assert.True(logout.ExitCode == 0, logout.ToString());
        var json = JsonNode.Parse(logout.Output)!;
        Assert.Equal(3, (int)json["entriesRemoved"]!);
        Assert.True((bool)json["currentContextCleared"]!);
        Assert.Equal("loop", (string?)json["context"]);
        var selection = Connectors.Kubernetes.Kubeconfig.KubeconfigLoader.LoadExplicit(kubeconfig);
        Assert.Equal(["unrelated"], selection.Contexts.Keys);
        var text = File.ReadAllText(kubeconfig);
        Assert.Contains("keep-me", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Identities.Admin.Token!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("current-context: loop", text, StringComparison.Ordinal);

        var before = File.GetLastWriteTimeUtc(kubeconfig);
        var again = await _workspace.RunAsync("logout", "kube-loop", "--kubeconfig", kubeconfig);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Nothing to remove", again.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.GetLastWriteTimeUtc(kubeconfig));
    }

    [Fact]
    public async Task Logout_of_an_unknown_connector_is_not_found_and_a_held_lock_a_conflict()
    {
        var unknown = await _workspace.RunAsync("logout", "kube-none");
        Assert.Equal(3, unknown.ExitCode);

        Assert.Equal(0, (await RegisterAsync("kube-loop", "--cluster-name", "loop", "--no-verify")).ExitCode);
        var kubeconfig = _workspace.Write("locked/config", "apiVersion: v1\nkind: Config\ncurrent-context: loop\n");
        File.WriteAllText(kubeconfig + ".lock", string.Empty);
        var locked = await _workspace.RunAsync("logout", "kube-loop", "--kubeconfig", kubeconfig);
        Assert.Equal(5, locked.ExitCode);
        Assert.Contains("error KC1350", locked.Error, StringComparison.Ordinal);
        Assert.Contains("current-context: loop", File.ReadAllText(kubeconfig), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> KubectlAsync(string kubeconfig, params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A loopback port nothing listens on: bound, read, released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose() => _workspace.Dispose();
}
