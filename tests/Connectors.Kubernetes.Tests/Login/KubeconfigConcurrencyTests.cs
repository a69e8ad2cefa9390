using System.Diagnostics;
using Connectors.Kubernetes.Kubeconfig;
using Connectors.Kubernetes.Login;
using Connectors.Tests.Shared;

namespace Connectors.Kubernetes.Tests.Login;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are POSIX
public sealed class KubeconfigConcurrencyTests : IDisposable
{
    private const string Server = "https://127.0.0.1:6443";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string WorkerPath => Path.Combine(AppContext.BaseDirectory, "Connectors.Kubernetes.LoginWorker.dll");

    [SkippableFact]
    public async Task Twenty_concurrent_logins_from_tasks_leave_all_twenty_entries()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = _temp.File("config");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => KubeconfigLogin.LoginAsync(
            new KubernetesConnectorSpec { Name = $"c{i}", Server = Server, ClusterName = $"cluster-{i}", Token = new SecretValue($"token-{i}") },
            new KubeconfigLoginOptions { KubeconfigPath = path, SetCurrentContext = false, LockWait = TimeSpan.FromSeconds(60) }))));

        var view = await Kubectl.ViewAsync(path);
        var expected = Enumerable.Range(0, 20).Select(i => $"cluster-{i}").Order().ToArray();
        Assert.Equal(expected, Kubectl.Names(view, "clusters").Order().ToArray());
        Assert.Equal(expected, Kubectl.Names(view, "users").Order().ToArray());
        Assert.Equal(expected, Kubectl.Names(view, "contexts").Order().ToArray());
        Assert.False(File.Exists(path + ".lock"));
    }

    [SkippableFact]
    public async Task Twenty_concurrent_logins_from_processes_leave_all_twenty_entries()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = _temp.File("config");

        var workers = Enumerable.Range(0, 20).Select(i => StartWorker("login", path, $"proc-{i}", $"token-{i}")).ToList();
        try
        {
            foreach (var worker in workers)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await worker.WaitForExitAsync(timeout.Token);
                Assert.True(worker.ExitCode == 0, $"worker failed: {await worker.StandardError.ReadToEndAsync()}");
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                Stop(worker);
            }
        }

        var view = await Kubectl.ViewAsync(path);
        var expected = Enumerable.Range(0, 20).Select(i => $"proc-{i}").Order().ToArray();
        Assert.Equal(expected, Kubectl.Names(view, "users").Order().ToArray());
        Assert.Equal(expected, Kubectl.Names(view, "contexts").Order().ToArray());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [SkippableFact]
    public async Task A_login_killed_before_its_rename_leaves_the_old_file_intact_and_its_lock_refuses_the_next_writer()
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var path = _temp.File("config");
        await KubeconfigLogin.LoginAsync(
            new KubernetesConnectorSpec { Name = "old", Server = Server, ClusterName = "old", Token = new SecretValue("old-token") },
            new KubeconfigLoginOptions { KubeconfigPath = path });
        var before = await File.ReadAllBytesAsync(path);

        var worker = StartWorker("stall-before-rename", path, "new", "new-token");
        string temporary;
        try
        {
            // The worker holds the lock and has written the complete new file next to the old one.
            var line = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.NotNull(line);
            Assert.StartsWith("STALLED ", line);
            temporary = line["STALLED ".Length..];
            Assert.Contains("new-token", await File.ReadAllTextAsync(temporary));
        }
        finally
        {
            Stop(worker);
        }

        await worker.WaitForExitAsync();
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        var view = await Kubectl.ViewAsync(path);
        Assert.Equal(["old"], Kubectl.Names(view, "users"));

        // Like kubectl, a lock left by a dead writer is not broken silently: the next writer is told.
        var error = await Assert.ThrowsAsync<KubernetesConnectorException>(() => KubeconfigLogin.LoginAsync(
            new KubernetesConnectorSpec { Name = "next", Server = Server, ClusterName = "next" },
            new KubeconfigLoginOptions { KubeconfigPath = path, LockWait = TimeSpan.FromMilliseconds(100) }));
        Assert.Equal(KubeconfigWriteErrorCodes.LockHeld, error.Code);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    private static Process StartWorker(string mode, string path, string name, string token)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { WorkerPath, mode, path, name, Server })
        {
            start.ArgumentList.Add(argument);
        }

        // The secret travels in the environment, never in the argument list.
        start.Environment["LOGIN_WORKER_TOKEN"] = token;
        return Process.Start(start)!;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}
