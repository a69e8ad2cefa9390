using System.Text.Json.Nodes;
using Connectors.Cli.Tests.Support;
using Connectors.Kubernetes.Testing;

namespace Connectors.Cli.Tests.Commands;

/// <summary>register --auto-configure from kubeconfigs of the loopback Kubernetes API server.</summary>
public sealed class ClusterCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliWorkspace _workspace = new();
    private LoopbackKubernetesServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackKubernetesServer.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Auto_configure_lifts_the_current_context()
    {
        var kubeconfig = await _server.WriteKubeconfigAsync(_workspace.Environment["KUBECONFIG"]!);

        var result = await _workspace.RunAsync("register", "kube-auto", "--auto-configure", "--label", "source=kubeconfig");

        Assert.True(result.ExitCode == 0, result.ToString());
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

        var result = await _workspace.RunAsync("register", "kube-exec", "--auto-configure", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"<KubernetesConnector Include=\"kube-exec\" AutoConfigure=\"true\" Context=\"with-exec\" Kubeconfig=\"{Path.GetRelativePath(_workspace.AppHostFolder, kubeconfig)}\" />", _workspace.ProjectText, StringComparison.Ordinal);
        Assert.Null(_workspace.SecretsText());
    }

    public void Dispose() => _workspace.Dispose();
}
