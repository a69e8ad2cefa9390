using System.Text.Json.Nodes;
using Connectors.Cli.Tests.Support;

namespace Connectors.Cli.Tests.Commands;

public sealed class TypeAndProjectTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task List_types_shows_the_kubernetes_type_in_every_format()
    {
        var table = await _workspace.RunAsync("list-types");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Kubernetes Service Connector", table.Output, StringComparison.Ordinal);
        Assert.Contains("kubernetes-cluster", table.Output, StringComparison.Ordinal);

        var json = JsonNode.Parse((await _workspace.RunAsync("list-types", "--type", "kubernetes", "-o", "json")).Output)!;
        Assert.Equal(["password", "token"], json["types"]![0]!["authMethods"]!.AsArray().Select(m => (string?)m));

        var detailed = await _workspace.RunAsync("list-types", "--detailed");
        Assert.Contains("Auth method token", detailed.Output, StringComparison.Ordinal);

        var unknown = await _workspace.RunAsync("list-types", "--type", "gcp");
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("error KC5112", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_type_lists_fields_and_rejects_unknown_methods()
    {
        var token = await _workspace.RunAsync("describe-type", "kubernetes", "--auth-method", "token");
        Assert.Equal(0, token.ExitCode);
        Assert.Contains("ClientKeyData", token.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Auth method 'password'", token.Output, StringComparison.Ordinal);

        var json = JsonNode.Parse((await _workspace.RunAsync("describe-type", "kubernetes", "-o", "json")).Output)!;
        var password = json["authMethods"]!.AsArray().Single(m => (string?)m!["name"] == "password")!;
        Assert.True((bool)password["fields"]!.AsArray().Single(f => (string?)f!["name"] == "Password")!["secret"]!);

        var bad = await _workspace.RunAsync("describe-type", "kubernetes", "--auth-method", "oauth");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("error KC5113", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_project_is_found_in_the_folder_or_given_and_errors_are_coded()
    {
        var empty = _workspace.Combine("empty");
        Directory.CreateDirectory(empty);
        var none = await _workspace.RunInAsync(empty, "list");
        Assert.Equal(3, none.ExitCode);
        Assert.Contains("error KC5101", none.Error, StringComparison.Ordinal);

        var viaOption = await _workspace.RunInAsync(empty, "list", "--project", _workspace.ProjectPath);
        Assert.Equal(0, viaOption.ExitCode);
        var viaFolder = await _workspace.RunInAsync(empty, "list", "-p", _workspace.AppHostFolder);
        Assert.Equal(0, viaFolder.ExitCode);

        File.WriteAllText(Path.Combine(_workspace.AppHostFolder, "Second.csproj"), "<Project />");
        var several = await _workspace.RunAsync("list");
        Assert.Equal(2, several.ExitCode);
        Assert.Contains("error KC5102", several.Error, StringComparison.Ordinal);

        var missing = await _workspace.RunAsync("list", "--project", "nope/App.csproj");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("error KC5103", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_output_format_and_unknown_verb_are_usage_errors()
    {
        var format = await _workspace.RunAsync("list", "-o", "xml");
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("error KC5100", format.Error, StringComparison.Ordinal);

        var verb = await _workspace.RunAsync("frobnicate");
        Assert.Equal(2, verb.ExitCode);
    }

    [Fact]
    public async Task Help_names_every_verb_and_the_exit_codes()
    {
        var help = await _workspace.RunAsync("--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var verb in new[] { "list-types", "describe-type", "register", "list", "describe", "verify", "login", "update", "delete", "connect", "disconnect" })
        {
            Assert.Contains("  " + verb + " ", help.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", help.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
