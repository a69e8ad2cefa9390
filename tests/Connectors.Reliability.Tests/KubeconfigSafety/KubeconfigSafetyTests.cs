using System.Diagnostics;
using System.Text.Json;
using Connectors.Kubernetes;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Login;
using Connectors.Reliability.Tests.Support;
using Connectors.Tests.Shared;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.KubeconfigSafety;

/// <summary>
/// A kubeconfig that kubectl wrote (and a person annotated) meets several login processes at once, a
/// lock held by another live process, logins killed with SIGKILL at random moments, and a read-only
/// file. Each time: nothing that was there is lost, the mode is kept, and kubectl reads the result.
/// (Single-process cases — the in-process lock, the kill between temp write and rename — are in
/// tests/Connectors.Kubernetes.Tests/Login.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes and SIGKILL are POSIX
public sealed class KubeconfigSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const UnixFileMode Mode0640 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    // What a person adds to the file kubectl wrote: comments, an unknown top-level field, extensions.
    private const string Annotations = """
        # team-a cluster, see the runbook
        x-unknown-field: kept-as-is
        extensions:
        - name: keep-me
          extension:
            note: unrelated
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("kubeconfig-safety-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>kubectl writes a cluster, an exec user, a context with a namespace, a preference and the current context.</summary>
    private async Task<string> KubectlWrittenFileAsync(UnixFileMode mode)
    {
        var path = Path.Combine(_root, "config");
        foreach (var command in new[]
        {
            new[] { "config", "set-cluster", "other", "--server=https://127.0.0.1:7443", "--insecure-skip-tls-verify=true" },
            ["config", "set-credentials", "other-user", "--exec-command=/bin/true", "--exec-api-version=client.authentication.k8s.io/v1"],
            ["config", "set-context", "other", "--cluster=other", "--user=other-user", "--namespace=team-a"],
            ["config", "use-context", "other"],
            ["config", "set", "preferences.colors", "true"],
        })
        {
            var (exit, _, error) = await Kubectl.RunAsync(path, command);
            Assert.True(exit == 0, $"kubectl {string.Join(' ', command)} failed: {error}");
        }

        await File.AppendAllTextAsync(path, Annotations + "\n");
        File.SetUnixFileMode(path, mode);
        return path;
    }

    /// <summary>Everything kubectl showed before, and the annotations it does not show, are still there.</summary>
    private static async Task AssertKeptAsync(string path, JsonElement before, UnixFileMode mode)
    {
        var after = await Kubectl.ViewAsync(path);
        foreach (var (section, name) in new[] { ("clusters", "other"), ("users", "other-user"), ("contexts", "other") })
        {
            Assert.Equal(Kubectl.Entry(before, section, name), Kubectl.Entry(after, section, name));
        }

        Assert.Equal(before.GetProperty("preferences").GetRawText(), after.GetProperty("preferences").GetRawText());
        Assert.Equal(before.GetProperty("extensions").GetRawText(), after.GetProperty("extensions").GetRawText());
        Assert.Equal("other", after.GetProperty("current-context").GetString());
        Assert.Contains("x-unknown-field: kept-as-is", await File.ReadAllTextAsync(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [SkippableFact]
    public async Task Eight_login_processes_at_once_add_eight_contexts_and_keep_everything_kubectl_wrote()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = await KubectlWrittenFileAsync(Mode0640);
        var before = await Kubectl.ViewAsync(path);

        var workers = Enumerable.Range(0, 8).Select(i => LoginWorkers.Start("login", path, $"proc-{i}", $"token-{i}")).ToList();
        try
        {
            foreach (var worker in workers)
            {
                var error = worker.StandardError.ReadToEndAsync();
                await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                Assert.True(worker.ExitCode == 0, $"worker failed: {await error}");
            }
        }
        finally
        {
            workers.ForEach(LoginWorkers.Kill);
        }

        var expected = Enumerable.Range(0, 8).Select(i => $"proc-{i}").Append("other").Order().ToArray();
        Assert.Equal(expected, (await Kubectl.ContextNamesAsync(path)).Order().ToArray());
        var view = await Kubectl.ViewAsync(path);
        Assert.Equal(expected, Kubectl.Names(view, "clusters").Order().ToArray());
        Assert.Contains("\"token-5\"", Kubectl.Entry(view, "users", "proc-5"));
        await AssertKeptAsync(path, before, Mode0640);
        Assert.False(File.Exists(path + ".lock"));
        Assert.Empty(Directory.GetFiles(_root, ".config.*.tmp"));
    }

    [SkippableFact]
    public async Task A_lock_held_by_another_live_process_refuses_other_processes_and_leaves_the_file_as_it_was()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = await KubectlWrittenFileAsync(Mode0640);
        var bytes = await File.ReadAllBytesAsync(path);
        var before = await Kubectl.ViewAsync(path);

        // The holder takes the lock, writes its temp file and stalls before the rename.
        var holder = LoginWorkers.Start("stall-before-rename", path, "holder", "holder-token");
        try
        {
            var line = await holder.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.StartsWith("STALLED ", line);
            Assert.True(File.Exists(path + ".lock"));

            var refused = LoginWorkers.Start("login", path, "refused", "refused-token", lockWait: TimeSpan.FromMilliseconds(300));
            var error = refused.StandardError.ReadToEndAsync();
            await refused.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains(KubeconfigWriteErrorCodes.LockHeld, await error);

            var inProcess = await Assert.ThrowsAsync<KubernetesConnectorException>(() => KubeconfigLogin.LoginAsync(
                new KubernetesConnectorSpec { Name = "late", Server = LoginWorkers.Server, ClusterName = "late" },
                new KubeconfigLoginOptions { KubeconfigPath = path, LockWait = TimeSpan.FromMilliseconds(300) }));
            Assert.Equal(KubeconfigWriteErrorCodes.LockHeld, inProcess.Code);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            LoginWorkers.Kill(holder);
        }

        await holder.WaitForExitAsync();
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        await AssertKeptAsync(path, before, Mode0640);
    }

    [SkippableFact]
    public async Task Logins_killed_at_random_moments_leave_a_complete_kubeconfig_with_every_finished_login()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = await KubectlWrittenFileAsync(Mode0640);
        var before = await Kubectl.ViewAsync(path);
        var random = new Random();
        var finished = new HashSet<string>(StringComparer.Ordinal);
        int kills = 0, locksLeft = 0, tempsLeft = 0;
        var clock = Stopwatch.StartNew();

        for (var round = 0; round < 10; round++)
        {
            var worker = LoginWorkers.Start("login-loop", path, $"crash{round}", $"token-{round}");
            try
            {
                // Wait for the first finished login, so the kill lands in the steady loop (mostly inside a write).
                var first = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
                if (first is null || !first.StartsWith("DONE ", StringComparison.Ordinal))
                {
                    LoginWorkers.Kill(worker);
                    Assert.Fail($"worker said '{first}': {await worker.StandardError.ReadToEndAsync()}");
                }

                finished.Add(first["DONE ".Length..]);
                await Task.Delay(random.Next(0, 60));
            }
            finally
            {
                LoginWorkers.Kill(worker);
                kills++;
            }

            await worker.WaitForExitAsync();
            while (await worker.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("DONE ", StringComparison.Ordinal))
                {
                    finished.Add(line["DONE ".Length..]);
                }
            }

            // The file is complete and has every login that reported success, and everything it had before.
            var view = await Kubectl.ViewAsync(path);
            var contexts = Kubectl.Names(view, "contexts").ToHashSet(StringComparer.Ordinal);
            Assert.Subset(contexts, finished);
            await AssertKeptAsync(path, before, Mode0640);

            // A kill inside the lock leaves the lock behind, as a killed kubectl does; the next writer is told (KC1350). Clear it, as the message says.
            if (File.Exists(path + ".lock"))
            {
                locksLeft++;
                File.Delete(path + ".lock");
            }

            // A kill after the temp file was created and before the rename leaves it behind: harmless, never read by kubectl.
            foreach (var temporary in Directory.GetFiles(_root, ".config.*.tmp"))
            {
                tempsLeft++;
                File.Delete(temporary);
            }
        }

        output.WriteLine($"kubeconfig crash loop: {kills} SIGKILLs, {finished.Count} finished logins all present, {locksLeft} stale locks, {tempsLeft} temp files left, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(finished.Count >= 10);
    }

    [SkippableFact]
    public async Task A_read_only_kubeconfig_is_refused_with_a_coded_error_and_left_as_it_was()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        const UnixFileMode readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead;
        var path = await KubectlWrittenFileAsync(readOnly);
        var bytes = await File.ReadAllBytesAsync(path);

        // Also as root, who could write it anyway: the mode is the owner's word.
        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => KubeconfigLogin.LoginAsync(
            new KubernetesConnectorSpec { Name = "ro", Server = LoginWorkers.Server, ClusterName = "ro", Token = new SecretValue("ro-token") },
            new KubeconfigLoginOptions { KubeconfigPath = path }));

        Assert.Equal(KubeconfigWriteErrorCodes.WriteFailed, error.Code);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ro-token", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(readOnly, File.GetUnixFileMode(path));
        Assert.False(File.Exists(path + ".lock"));
        Assert.Empty(Directory.GetFiles(_root, ".config.*.tmp"));
        await Kubectl.ViewAsync(path);
    }

    [SkippableFact]
    public async Task Login_then_logout_of_a_file_kubectl_wrote_gives_back_what_kubectl_showed_before()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = await KubectlWrittenFileAsync(Mode0640);
        var before = await Kubectl.ViewAsync(path);
        var spec = new KubernetesConnectorSpec { Name = "kube-prod", Server = LoginWorkers.Server, ClusterName = "kube-prod", Token = new SecretValue("t0k3n"), Namespace = "ml" };

        await KubeconfigLogin.LoginAsync(spec, new KubeconfigLoginOptions { KubeconfigPath = path });
        var during = await Kubectl.ViewAsync(path);
        Assert.Equal("kube-prod", during.GetProperty("current-context").GetString());
        Assert.Equal(["kube-prod", "other"], (await Kubectl.ContextNamesAsync(path)).Order());
        Assert.Equal(Mode0640, File.GetUnixFileMode(path));

        await KubeconfigLogin.LogoutAsync(spec, new KubeconfigLoginOptions { KubeconfigPath = path });
        var after = await Kubectl.ViewAsync(path);

        // Logout clears the current context it had set (it cannot know the one before); everything else is as kubectl showed it.
        Assert.False(after.TryGetProperty("current-context", out var current) && current.GetString() is { Length: > 0 });
        foreach (var property in before.EnumerateObject().Where(p => p.Name != "current-context"))
        {
            Assert.Equal(property.Value.GetRawText(), after.GetProperty(property.Name).GetRawText());
        }

        Assert.Contains("x-unknown-field: kept-as-is", await File.ReadAllTextAsync(path));
        Assert.Equal(Mode0640, File.GetUnixFileMode(path));
    }
}
