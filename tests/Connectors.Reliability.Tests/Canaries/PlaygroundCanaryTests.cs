using System.Diagnostics;
using Connectors.Kubernetes.Testing;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Canaries;

/// <summary>
/// The playground's whole story (auto-configure, describe, verify, kubectl login, orchestrator Job,
/// model deployment) run as a process against a loopback cluster the test starts, through the
/// playground's own <c>--kubeconfig</c> switch, so the test knows the token: a canary the test sets as
/// the cluster admin's token. Its standard output and error may not show it.
/// </summary>
public sealed class PlaygroundCanaryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_playground_story_never_prints_the_cluster_token()
    {
        var sweep = new CanarySweep(output);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var playground = Path.Combine(RepositoryRoot(), "playground", "Connectors.Playground", "bin", configuration, "net10.0", "Connectors.Playground.dll");
        Assert.True(File.Exists(playground), $"the playground is not built at {playground}");
        await using var server = await LoopbackKubernetesServer.StartAsync();
        var token = sweep.Token("cluster admin token");
        server.Identities.Admin.RotateToken(token);
        var folder = Directory.CreateTempSubdirectory("canary-playground-").FullName;
        try
        {
            var kubeconfig = Path.Combine(folder, "kubeconfig");
            await server.WriteKubeconfigAsync(kubeconfig);
            Assert.True(CanarySweep.Holds(await File.ReadAllTextAsync(kubeconfig), token));

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
            foreach (var argument in new[] { playground, "--kubeconfig", kubeconfig })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in start.Environment.Keys.Where(n => n is "KUBECONFIG" || n.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                || n.StartsWith("Connectors", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["HOME"] = folder;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var text = await stdout;
            Assert.True(process.ExitCode == 0, text + await stderr);
            Assert.Contains("proven by SelfSubjectReview", text, StringComparison.Ordinal);
            Assert.Contains("Summary: connector 'kube-auto'", text, StringComparison.Ordinal);
            sweep.ScanText("playground stdout", text);
            sweep.ScanText("playground stderr", await stderr);
            sweep.ScanDirectory(folder, file => file == kubeconfig);
            sweep.AssertNoHits("playground");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Connectors.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Connectors.sln not found above " + AppContext.BaseDirectory);
    }
}
