using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Connectors.Kubernetes.Hosting.Tests.Support;

namespace Connectors.Kubernetes.Hosting.Tests.AspireLayer;

/// <summary>
/// WithAutoConfigure end to end through the generated layer: a real kubeconfig with an exec plugin (a shell
/// script), lifted by the library's kubeconfig reader when the app host starts. Nothing is contacted.
/// </summary>
public sealed class AutoConfigureTests
{
    [SkippableFact]
    public async Task An_exec_plugin_credential_reaches_components_as_a_private_token_file()
    {
        Skip.If(OperatingSystem.IsWindows(), "The exec plugin of this test is a POSIX shell script.");
        using var directory = new TemporaryDirectory();
        var kubeconfig = WriteKubeconfig(directory.Path, DateTimeOffset.UtcNow.AddMinutes(15));
        var builder = new TestDistributedApplicationBuilder();
        var dev = builder.AddKubernetesConnector("kube-dev").WithAutoConfigure(context: "kind-dev", kubeconfig: kubeconfig).WithNamespace("jobs");

        await builder.InitializeAsync();
        try
        {
            var snapshot = builder.CurrentSnapshot(dev.Resource);
            Assert.True(snapshot.State?.Text == KnownResourceStates.Running, string.Join("; ", snapshot.Properties.Select(p => p.Name + "=" + p.Value)));
            var connectionString = await ((IResourceWithConnectionString)dev.Resource).GetConnectionStringAsync();
            Assert.DoesNotContain("exec-token", connectionString, StringComparison.Ordinal);
            var settings = KubernetesConnectionString.Parse("kube-dev", connectionString!);
            Assert.Equal("https://127.0.0.1:6443", settings.Server);
            Assert.Equal("jobs", settings.Namespace);
            Assert.NotNull(settings.TokenFile);
            Assert.Equal("exec-token-1", await File.ReadAllTextAsync(settings.TokenFile!));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(settings.TokenFile!));
            }

            var properties = dev.Resource.GetConnectionProperties().ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(settings.TokenFile, await properties["TokenFile"].GetValueAsync(CancellationToken.None));
            Assert.DoesNotContain("Token", properties.Keys);
            Assert.Contains(snapshot.Properties, p => p.Name == "kubernetes.source" && (string?)p.Value == "auto-configured from context kind-dev of " + kubeconfig);
        }
        finally
        {
            await dev.Resource.Runtime.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_missing_context_fails_to_start_with_KC4103_naming_the_readers_code()
    {
        using var directory = new TemporaryDirectory();
        var kubeconfig = WriteKubeconfig(directory.Path, DateTimeOffset.UtcNow.AddMinutes(15));
        var builder = new TestDistributedApplicationBuilder();
        var dev = builder.AddKubernetesConnector("kube-dev").WithAutoConfigure(context: "no-such-context", kubeconfig: kubeconfig);

        await builder.InitializeAsync();

        var snapshot = builder.CurrentSnapshot(dev.Resource);
        Assert.Equal(KnownResourceStates.FailedToStart, snapshot.State?.Text);
        var error = (string)snapshot.Properties.Single(p => p.Name == "kubernetes.error").Value!;
        Assert.StartsWith("KC4103: ", error, StringComparison.Ordinal);
        Assert.Contains("KC1204", error, StringComparison.Ordinal);
    }

    private static string WriteKubeconfig(string directory, DateTimeOffset expiresAt)
    {
        var plugin = Path.Combine(directory, "credential-plugin.sh");
        var counter = Path.Combine(directory, "count");
        File.WriteAllText(plugin, $$$"""
            #!/bin/sh
            n=$(( $(cat '{{{counter}}}' 2>/dev/null || echo 0) + 1 ))
            echo "$n" > '{{{counter}}}'
            cat <<JSON
            {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"exec-token-$n","expirationTimestamp":"{{{expiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}}"}}
            JSON
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var kubeconfig = Path.Combine(directory, "config");
        File.WriteAllText(kubeconfig, """
            apiVersion: v1
            kind: Config
            current-context: kind-dev
            clusters:
            - name: kind-dev
              cluster:
                server: https://127.0.0.1:6443
                insecure-skip-tls-verify: true
            users:
            - name: kind-dev
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./credential-plugin.sh
                  interactiveMode: Never
            contexts:
            - name: kind-dev
              context:
                cluster: kind-dev
                user: kind-dev
            """.ReplaceLineEndings("\n"));
        return kubeconfig;
    }
}
