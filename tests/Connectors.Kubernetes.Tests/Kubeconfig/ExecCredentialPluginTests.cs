using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Tests.Support;

namespace Connectors.Kubernetes.Tests.Kubeconfig;

/// <summary>Runs real plugin processes (POSIX shell scripts).</summary>
public sealed class ExecCredentialPluginTests : IDisposable
{
    private const string V1 = "client.authentication.k8s.io/v1";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Script(string relativePath, string body)
    {
        var path = temp.Write(relativePath, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static string Credential(string status, string apiVersion = V1) =>
        "cat <<'JSON'\n{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"ExecCredential\",\"status\":" + status + "}\nJSON";

    private KubeconfigSet Kubeconfig(string exec)
    {
        var file = temp.Write("kube/config",
            "current-context: x\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:6443\n    insecure-skip-tls-verify: true\n    extensions:\n    - name: client.authentication.k8s.io/exec\n      extension: {audience: test-aud}\n" +
            "users:\n- name: u\n  user:\n    exec:\n" + exec +
            "contexts:\n- name: x\n  context: {cluster: c, user: u}\n");
        return KubeconfigLoader.Load([file]);
    }

    private static Task<KubernetesConnectorSpec> Lift(KubeconfigSet set, TimeSpan? timeout = null) =>
        KubernetesAutoConfigure.ConfigureAsync("kube-exec", new KubernetesAutoConfigureOptions { KubeconfigSet = set, ExecTimeout = timeout ?? TimeSpan.FromSeconds(20) });

    [SkippableFact]
    public async Task A_relative_plugin_gets_its_arguments_as_a_list_its_env_and_the_exec_info()
    {
        Skip.If(OperatingSystem.IsWindows(), "the plugin is a POSIX shell script");
        // The plugin echoes what it received into the token, so the test sees exactly what was passed.
        Script("kube/bin/plugin", "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$(dirname \"$0\")/info.json\"\n" +
            "cat <<JSON\n{\"apiVersion\":\"" + V1 + "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"$#|$1|$2|$PLUGIN_MODE\",\"expirationTimestamp\":\"2031-02-03T04:05:06Z\"}}\nJSON");
        var set = Kubeconfig("      command: ./bin/plugin\n      args: [\"one two\", \"$HOME;rm -rf /\"]\n      env:\n      - {name: PLUGIN_MODE, value: test}\n      apiVersion: " + V1 + "\n      interactiveMode: Never\n      provideClusterInfo: true\n");
        var spec = await Lift(set);
        Assert.Equal("2|one two|$HOME;rm -rf /|test", spec.Token!.Reveal());
        Assert.Equal(new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero), spec.ExpiresAt);
        Assert.Equal(Path.Combine(temp.Path, "kube", "bin", "plugin"), spec.Exec!.Command);
        Assert.Equal(KubernetesValueOrigin.ExecPlugin, spec.Sources["Token"].Origin);
        var info = File.ReadAllText(Path.Combine(temp.Path, "kube", "bin", "info.json"));
        Assert.Contains("\"server\":\"https://127.0.0.1:6443\"", info);
        Assert.Contains("\"config\":{\"audience\":\"test-aud\"}", info);
        Assert.Contains("\"interactive\":false", info);
        Assert.Contains("\"apiVersion\":\"" + V1 + "\"", info);
    }

    [SkippableFact]
    public async Task A_plugin_may_return_a_client_certificate_and_key()
    {
        Skip.If(OperatingSystem.IsWindows(), "the plugin is a POSIX shell script");
        var certs = TestCertificates.Default;
        var json = System.Text.Json.JsonSerializer.Serialize(new { clientCertificateData = certs.ClientCertificatePem, clientKeyData = certs.ClientKeyPem });
        var plugin = Script("p", Credential(json));
        var spec = await Lift(Kubeconfig("      command: " + plugin + "\n      apiVersion: " + V1 + "\n      interactiveMode: IfAvailable\n"));
        Assert.Equal(certs.ClientCertificatePem, spec.ClientCertificateData);
        Assert.Equal(certs.ClientKeyPem, spec.ClientKeyData!.Reveal());
        Assert.Null(spec.Token);
    }

    [SkippableFact]
    public async Task A_failing_plugin_is_KC1212_with_its_stderr()
    {
        Skip.If(OperatingSystem.IsWindows(), "the plugin is a POSIX shell script");
        var plugin = Script("p", "echo 'please run: login --now' >&2\nexit 3");
        var e = await Assert.ThrowsAsync<KubeconfigException>(() => Lift(Kubeconfig("      command: " + plugin + "\n      apiVersion: " + V1 + "\n      interactiveMode: Never\n")));
        Assert.Equal("KC1212", e.Code);
        Assert.Contains("code 3", e.Message);
        Assert.Contains("please run: login --now", e.Message);
    }

    [Fact]
    public async Task A_missing_plugin_is_KC1212_with_the_install_hint()
    {
        var e = await Assert.ThrowsAsync<KubeconfigException>(() => Lift(Kubeconfig("      command: connectors-no-such-plugin\n      apiVersion: " + V1 + "\n      interactiveMode: Never\n      installHint: Install it with 'brew install no-such-plugin'.\n")));
        Assert.Equal("KC1212", e.Code);
        Assert.Contains("brew install no-such-plugin", e.Message);
    }

    [SkippableFact]
    public async Task A_plugin_that_hangs_is_killed_and_KC1213()
    {
        Skip.If(OperatingSystem.IsWindows(), "the plugin is a POSIX shell script");
        var plugin = Script("p", "sleep 30");
        var started = DateTime.UtcNow;
        var e = await Assert.ThrowsAsync<KubeconfigException>(() => Lift(Kubeconfig("      command: " + plugin + "\n      apiVersion: " + V1 + "\n      interactiveMode: Never\n"), TimeSpan.FromMilliseconds(500)));
        Assert.Equal("KC1213", e.Code);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [SkippableTheory]
    [InlineData("echo not json", "not JSON")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"leaked-token\"}}'", "returned apiVersion")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\"}'", "no status")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'", "neither a token")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"clientKeyData\":\"k\"}}'", "only one of")]
    public async Task Bad_plugin_output_is_KC1214_and_never_quoted(string body, string expected)
    {
        Skip.If(OperatingSystem.IsWindows(), "the plugin is a POSIX shell script");
        var plugin = Script("p", body);
        var e = await Assert.ThrowsAsync<KubeconfigException>(() => Lift(Kubeconfig("      command: " + plugin + "\n      apiVersion: " + V1 + "\n      interactiveMode: Never\n")));
        Assert.Equal("KC1214", e.Code);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("leaked-token", e.Message);
    }

    [Theory]
    [InlineData("      command: x\n      apiVersion: " + V1 + "\n", "interactiveMode is missing", "KC1211")]
    [InlineData("      apiVersion: " + V1 + "\n      interactiveMode: Never\n", "command is missing", "KC1211")]
    [InlineData("      command: x\n      interactiveMode: Never\n", "apiVersion is missing", "KC1211")]
    [InlineData("      command: x\n      apiVersion: " + V1 + "\n      interactiveMode: Never\n      env: [{value: v}]\n", "env entry has no name", "KC1211")]
    [InlineData("      command: x\n      apiVersion: " + V1 + "\n      interactiveMode: Always\n", "requires a terminal", "KC1217")]
    public async Task Invalid_exec_entries_are_reported_before_running(string exec, string expected, string code)
    {
        var e = await Assert.ThrowsAsync<KubeconfigException>(() => Lift(Kubeconfig(exec)));
        Assert.Equal(code, e.Code);
        Assert.Contains(expected, e.Message);
        Assert.Equal("user 'u'", e.Entry);
    }

    [Fact]
    public void Without_running_plugins_the_spec_keeps_the_exec_entry()
    {
        var set = Kubeconfig("      command: some-plugin\n      args: [get-token]\n      env: [{name: SECRET_ENV, value: top-secret}]\n      apiVersion: " + V1 + "\n      interactiveMode: Never\n");
        var spec = KubernetesAutoConfigure.FromSelection("kube-exec", set.Select());
        Assert.Equal("some-plugin", spec.Exec!.Command);
        Assert.Equal(["get-token"], spec.Exec.Arguments);
        Assert.Null(spec.Token);
        Assert.DoesNotContain("top-secret", spec.ToString());
    }
}
