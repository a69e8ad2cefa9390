using Connectors.EndToEnd.Tests.Support;

namespace Connectors.EndToEnd.Tests.Playground;

/// <summary>README's first command, run as a process: the whole story must succeed on the embedded loopback cluster.</summary>
public sealed class PlaygroundTests
{
    [Fact]
    public async Task Playground_runs_the_whole_story_on_the_loopback_cluster()
    {
        // The test assembly sits in bin/<Configuration>/net10.0; the playground is built with the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var playground = Repository.File("playground", "Connectors.Playground", "bin", configuration, "net10.0", "Connectors.Playground.dll");
        Assert.True(File.Exists(playground), $"the playground is not built at {playground}");

        var environment = Sandbox.CleanEnvironment();
        var result = await ProcessRunner.RunAsync(
            "dotnet", [playground], Path.GetTempPath(), environment, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Register connector 'kube-auto' by auto-configure", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ token                 │ [HIDDEN]", result.Output, StringComparison.Ordinal);
        Assert.Contains("proven by SelfSubjectReview", result.Output, StringComparison.Ordinal);
        Assert.Contains("job train-model complete", result.Output, StringComparison.Ordinal);
        Assert.Contains("endpoint http://sentiment-model.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Summary: connector 'kube-auto'", result.Output, StringComparison.Ordinal);
        if (File.Exists("/usr/bin/kubectl") || File.Exists("/usr/local/bin/kubectl"))
        {
            Assert.Contains("$ kubectl get ns", result.Output, StringComparison.Ordinal);
            Assert.Contains("kube-system", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Playground_rejects_an_unknown_option_with_usage()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var playground = Repository.File("playground", "Connectors.Playground", "bin", configuration, "net10.0", "Connectors.Playground.dll");

        var result = await ProcessRunner.RunAsync(
            "dotnet", [playground, "--bogus"], Path.GetTempPath(), Sandbox.CleanEnvironment(), TimeSpan.FromMinutes(1));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown or incomplete option '--bogus'", result.Output, StringComparison.Ordinal);
        Assert.Contains("usage:", result.Output, StringComparison.Ordinal);
    }
}
