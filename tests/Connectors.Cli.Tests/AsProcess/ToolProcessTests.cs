using System.Text.Json.Nodes;
using Connectors.Cli.Tests.Support;

namespace Connectors.Cli.Tests.AsProcess;

/// <summary>The tool as users run it: a separate process, real standard streams, real exit codes.</summary>
public sealed class ToolProcessTests : IDisposable
{
    private const string Canary = "canary-process-9d2e41";
    private readonly CliWorkspace _workspace = new();

    private Task<CliResult> RunAsync(string? stdin, params string[] args) =>
        ToolProcess.RunAsync(_workspace.AppHostFolder, _workspace.Environment, args, stdin);

    [Fact]
    public async Task Every_verb_over_a_temp_project_never_prints_the_secret_unless_asked()
    {
        var outputs = new List<CliResult>
        {
            await RunAsync(Canary + "\n", "register", "kube-prod", "--server", "https://kube-prod.example.test", "--token", "-", "--label", "env=prod", "--no-verify"),
            await RunAsync(null, "list"),
            await RunAsync(null, "list", "-o", "yaml"),
            await RunAsync(null, "describe", "kube-prod"),
            await RunAsync(null, "describe", "kube-prod", "-o", "json"),
            await RunAsync(null, "update", "kube-prod", "--namespace", "ml", "--no-verify"),
        };
        foreach (var result in outputs)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain(Canary, result.All, StringComparison.Ordinal);
        }

        Assert.Contains("Namespace=\"ml\"", _workspace.ProjectText, StringComparison.Ordinal);
        Assert.Equal(Canary, (string?)JsonNode.Parse(_workspace.SecretsText()!)!["Parameters:kube-prod-token"]);

        var revealed = await RunAsync(null, "describe", "kube-prod", "--show-secrets");
        Assert.Contains(Canary, revealed.Output, StringComparison.Ordinal);

        var deleted = await RunAsync(null, "delete", "kube-prod");
        Assert.Equal(0, deleted.ExitCode);
        Assert.DoesNotContain(Canary, _workspace.SecretsText()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_codes_and_coded_errors_reach_the_shell()
    {
        var usage = await RunAsync(null, "describe");
        Assert.Equal(2, usage.ExitCode);
        Assert.StartsWith("error KC5100", usage.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, usage.Output);

        var notFound = await RunAsync(null, "describe", "kube-nope");
        Assert.Equal(3, notFound.ExitCode);
        Assert.StartsWith("error KC5105", notFound.Error, StringComparison.Ordinal);

        File.WriteAllText(_workspace.ProjectPath + ".lock", string.Empty);
        var locked = await RunAsync(null, "register", "kube-a", "--server", "https://a.example.test", "--no-verify");
        Assert.Equal(5, locked.ExitCode);
        Assert.Contains("error KC5111", locked.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_terminal_a_prompt_is_refused_not_hung()
    {
        var result = await RunAsync(string.Empty, "register", "kube-a", "--server", "https://a.example.test", "--token", "--no-verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error KC5109", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
