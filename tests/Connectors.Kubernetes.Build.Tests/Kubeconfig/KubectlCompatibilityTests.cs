using System.Diagnostics;
using System.Text.Json;
using Connectors.Kubernetes.Build.Kubeconfig;
using Connectors.Kubernetes.Build.Tests.Infrastructure;

namespace Connectors.Kubernetes.Build.Tests.Kubeconfig;

/// <summary>
/// The build's small kubeconfig reader against the real kubectl: files kubectl writes itself, and
/// KUBECONFIG lists merged with its first-wins rule. Every server named is loopback (the local kubectl
/// may connect to it even for 'config' commands); HOME is a temp folder.
/// </summary>
public sealed class KubectlCompatibilityTests : IDisposable
{
    private readonly TempDirectory _home = new();

    public void Dispose() => _home.Dispose();

    [SkippableFact]
    public void Reads_what_kubectl_writes_with_the_same_contexts_users_and_current_context()
    {
        Skip.If(FindOnPath() is null, "kubectl is not installed (CI installs it: .ci/run)");
        var config = Path.Combine(_home.Path, "config");
        var certificate = _home.Write("client.crt", Credentials.CertificatePem(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)));
        using (var key = System.Security.Cryptography.ECDsa.Create())
        {
            _home.Write("client.key", key.ExportPkcs8PrivateKeyPem());
        }

        Kubectl(config, "config", "set-cluster", "dev", "--server=https://127.0.0.1:6443");
        Kubectl(config, "config", "set-credentials", "dev-user", "--token=opaque-token");
        Kubectl(config, "config", "set-credentials", "cert user", "--client-certificate=" + certificate, "--client-key=" + Path.Combine(_home.Path, "client.key"), "--embed-certs");
        Kubectl(config, "config", "set-context", "arn:aws:eks:us-east-1:1:cluster/prod", "--cluster=dev", "--user=cert user", "--namespace=ml");
        Kubectl(config, "config", "set-context", "kind-dev", "--cluster=dev", "--user=dev-user");
        Kubectl(config, "config", "use-context", "kind-dev");

        var ours = KubeconfigFile.Load(config);
        var theirs = JsonDocument.Parse(Kubectl(config, "config", "view", "-o", "json")).RootElement;

        Assert.Equal(theirs.GetProperty("current-context").GetString(), ours.CurrentContext);
        Assert.Equal(
            theirs.GetProperty("contexts").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("context").GetProperty("user").GetString())).Order(),
            ours.ContextUsers.Select(p => (p.Key, p.Value)).Order());
        Assert.Equal(
            theirs.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString()!).Order(),
            ours.Users.Keys.Order());
        Assert.NotNull(CredentialExpiry.Find(ours.Users["cert user"], _home.Path)); // the embedded certificate's end date is read
    }

    [SkippableFact]
    public void KUBECONFIG_list_resolves_contexts_and_users_as_kubectl_does()
    {
        Skip.If(FindOnPath() is null, "kubectl is not installed (CI installs it: .ci/run)");
        var first = _home.Write("a.yaml", """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "https://127.0.0.1:6443"}
            contexts:
            - name: shared
              context: {cluster: c, user: from-a}
            current-context: ""
            users:
            - name: from-a
              user: {token: a}
            - name: both
              user: {token: a}
            """);
        var second = _home.Write("b.yaml", """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "https://127.0.0.1:6444"}
            contexts:
            - name: shared
              context: {cluster: c, user: from-b}
            - name: only-b
              context: {cluster: c, user: both}
            current-context: only-b
            users:
            - name: both
              user: {token: b}
            - name: from-b
              user: {token: b}
            """);
        var list = first + Path.PathSeparator + second;
        var set = new KubeconfigSet([KubeconfigFile.Load(first), KubeconfigFile.Load(second)]);

        Assert.Equal(Kubectl(list, "config", "current-context").Trim(), set.CurrentContext);
        Assert.Equal(Kubectl(list, "config", "get-contexts", "-o", "name").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(), set.ContextNames);
        foreach (var context in set.ContextNames)
        {
            var minified = JsonDocument.Parse(Kubectl(list, "config", "view", "--raw", "--minify", "--context", context, "-o", "json")).RootElement;
            var user = minified.GetProperty("users")[0];
            var ours = set.UserOf(context);
            Assert.NotNull(ours);
            Assert.Equal(user.GetProperty("name").GetString(), ours.Value.Name);
            Assert.Equal(user.GetProperty("user").GetProperty("token").GetString(), ours.Value.User["token"]);
        }
    }

    private string Kubectl(string kubeconfig, params string[] arguments)
    {
        var start = new ProcessStartInfo(FindOnPath()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _home.Path,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KUBECONFIG"] = kubeconfig;
        start.Environment["HOME"] = _home.Path;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kubectl did not finish in 60 s");
        }

        Assert.True(process.ExitCode == 0, "kubectl " + string.Join(' ', arguments) + " failed: " + error.Result);
        return output;
    }

    private static string? FindOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, "kubectl"))
            .FirstOrDefault(File.Exists);
}
