using System.Text.Json.Nodes;
using Connectors.Cli.Tests.Support;

namespace Connectors.Cli.Tests.Commands;

/// <summary>list, describe, update, delete over connectors registered through the tool itself.</summary>
public sealed class ConnectorLifecycleTests : IDisposable
{
    private const string Canary = "canary-secret-51c0de";
    private readonly CliWorkspace _workspace = new() { Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };

    private async Task RegisterAsync(string name, params string[] extra)
    {
        var token = _workspace.Write(name + ".token", Canary + "-" + name);
        var result = await _workspace.RunAsync(["register", name, "--server", $"https://{name}.example.test:6443", "--token", "@" + token, "--no-verify", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task List_shows_every_connector_and_filters_by_label()
    {
        await RegisterAsync("kube-prod", "--label", "env=prod", "--cluster-name", "prod-cluster", "--expires-at", "2026-01-02T03:00:00Z");
        await RegisterAsync("kube-dev", "--label", "env=dev");

        var all = await _workspace.RunAsync("list");
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("kube-prod", all.Output, StringComparison.Ordinal);
        Assert.Contains("prod-cluster", all.Output, StringComparison.Ordinal);
        Assert.Contains("1d3h", all.Output, StringComparison.Ordinal);
        Assert.Contains("kube-dev.example.test", all.Output, StringComparison.Ordinal);

        var prod = JsonNode.Parse((await _workspace.RunAsync("list", "--label", "env=prod", "-o", "json")).Output)!;
        var names = prod["connectors"]!.AsArray().Select(c => (string?)c!["name"]).ToList();
        Assert.Equal(["kube-prod"], names);

        var none = await _workspace.RunAsync("list", "--label", "env=qa");
        Assert.Contains("No connector has all the labels", none.Output, StringComparison.Ordinal);

        var badLabel = await _workspace.RunAsync("list", "--label", "novalue");
        Assert.Equal(2, badLabel.ExitCode);
        Assert.Contains("error KC5114", badLabel.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_hides_secrets_unless_asked()
    {
        await RegisterAsync("kube-prod", "--certificate-authority", _workspace.Write("ca.crt", TestCertificates.CaPem));

        foreach (var format in new[] { "table", "json", "yaml" })
        {
            var hidden = await _workspace.RunAsync("describe", "kube-prod", "-o", format);
            Assert.True(hidden.ExitCode == 0, hidden.ToString());
            Assert.DoesNotContain(Canary, hidden.All, StringComparison.Ordinal);
            Assert.Contains("[HIDDEN]", hidden.Output, StringComparison.Ordinal);
        }

        var table = await _workspace.RunAsync("describe", "kube-prod");
        Assert.Contains("EXPIRES IN", table.Output, StringComparison.Ordinal);
        Assert.Contains("CN=test-ca (until ", table.Output, StringComparison.Ordinal);

        var shown = await _workspace.RunAsync("describe", "kube-prod", "--show-secrets", "-o", "json");
        var json = JsonNode.Parse(shown.Output)!;
        Assert.Equal(Canary + "-kube-prod", (string?)json["configuration"]!["token"]);
        Assert.True((bool)json["secretsShown"]!);
        Assert.StartsWith("CN=test-ca", (string?)json["configuration"]!["certificate_authority"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_connector_is_KC5105_with_exit_code_3()
    {
        await RegisterAsync("kube-prod");
        foreach (var verb in new[] { "describe", "verify", "login", "update", "delete" })
        {
            var result = await _workspace.RunAsync(verb, "kube-nope");
            Assert.Equal(3, result.ExitCode);
            Assert.Contains("error KC5105", result.Error, StringComparison.Ordinal);
            Assert.Contains("kube-prod", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Update_sets_and_removes_fields_touching_only_that_item()
    {
        await RegisterAsync("kube-a", "--namespace", "ml", "--label", "team=ml");
        await RegisterAsync("kube-b");
        var before = _workspace.ProjectText;
        var bLine = before.Split('\n').Single(line => line.Contains("\"kube-b\"", StringComparison.Ordinal));

        var result = await _workspace.RunAsync("update", "kube-a", "--cluster-name", "renamed", "--remove-attr", "namespace", "--remove-attr", "token", "--no-verify");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("removed namespace", result.Output, StringComparison.Ordinal);

        var after = _workspace.ProjectText;
        Assert.Contains(bLine, after, StringComparison.Ordinal);
        Assert.Contains("<KubernetesConnector Include=\"kube-a\" Server=\"https://kube-a.example.test:6443\" AuthMethod=\"token\" Labels=\"team=ml\" ClusterName=\"renamed\" />", after, StringComparison.Ordinal);
        var secrets = JsonNode.Parse(_workspace.SecretsText()!)!;
        Assert.Null(secrets["Parameters:kube-a-token"]);
        Assert.Equal(Canary + "-kube-b", (string?)secrets["Parameters:kube-b-token"]);
    }

    [Fact]
    public async Task Update_errors_are_coded()
    {
        await RegisterAsync("kube-a");

        var nothing = await _workspace.RunAsync("update", "kube-a", "--no-verify");
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("error KC5100", nothing.Error, StringComparison.Ordinal);

        var unknown = await _workspace.RunAsync("update", "kube-a", "--remove-attr", "colour", "--no-verify");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("error KC5117", unknown.Error, StringComparison.Ordinal);

        var absent = await _workspace.RunAsync("update", "kube-a", "--remove-attr", "namespace", "--no-verify");
        Assert.Equal(2, absent.ExitCode);
        Assert.Contains("error KC5117", absent.Error, StringComparison.Ordinal);

        var invalid = await _workspace.RunAsync("update", "kube-a", "--remove-attr", "server", "--no-verify");
        Assert.Equal(4, invalid.ExitCode);
        Assert.Contains("error KC5002", invalid.Error, StringComparison.Ordinal);

        var badExpiry = await _workspace.RunAsync("update", "kube-a", "--expires-at", "soon", "--no-verify");
        Assert.Equal(2, badExpiry.ExitCode);
        Assert.Contains("error KC5115", badExpiry.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_removes_the_item_and_its_secrets_and_nothing_else()
    {
        var original = _workspace.ProjectText;
        await RegisterAsync("kube-a", "--certificate-authority", _workspace.Write("ca.crt", TestCertificates.CaPem));
        await RegisterAsync("kube-b");
        var secretsFile = Directory.GetFiles(_workspace.SecretsRoot, "secrets.json", SearchOption.AllDirectories).Single();
        var secrets = JsonNode.Parse(File.ReadAllText(secretsFile))!.AsObject();
        secrets["Unrelated:Key"] = "keep";
        File.WriteAllText(secretsFile, secrets.ToJsonString());

        var result = await _workspace.RunAsync("delete", "kube-a");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 secret parameters", result.Output, StringComparison.Ordinal);

        var after = JsonNode.Parse(_workspace.SecretsText()!)!.AsObject();
        Assert.Equal(["Parameters:kube-b-token", "Unrelated:Key"], after.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("kube-a", _workspace.ProjectText, StringComparison.Ordinal);

        Assert.Equal(0, (await _workspace.RunAsync("delete", "kube-b")).ExitCode);

        // Register then delete everything: the project is back to its original text, plus the UserSecretsId it now has.
        var withoutId = System.Text.RegularExpressions.Regex.Replace(_workspace.ProjectText, "\n    <UserSecretsId>[^<]*</UserSecretsId>", string.Empty);
        Assert.Equal(original, withoutId);
    }

    public void Dispose() => _workspace.Dispose();
}
