using System.Text.Json.Nodes;
using Connectors.Cli.Tests.Support;

namespace Connectors.Cli.Tests.Commands;

public sealed class RegisterCommandTests : IDisposable
{
    private const string Canary = "canary-token-7f3a9c";
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Writes_the_item_and_the_secrets_and_keeps_the_rest_of_the_project()
    {
        var tokenFile = _workspace.Write("token.txt", Canary + "\n");
        var caFile = _workspace.Write("ca.crt", TestCertificates.CaPem);

        var result = await _workspace.RunAsync(
            "register", "kube-prod", "--type", "kubernetes", "--server", "https://kube-prod.example.test:6443",
            "--token", "@" + tokenFile, "--certificate-authority", caFile, "--namespace", "ml", "--label", "team=ml", "--label", "env=prod", "--no-verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Registered connector 'kube-prod'", result.Output, StringComparison.Ordinal);
        Assert.Contains("kube-prod.example.test", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.All, StringComparison.Ordinal);

        var project = _workspace.ProjectText;
        Assert.Contains("<KubernetesConnector Include=\"kube-prod\" Server=\"https://kube-prod.example.test:6443\" AuthMethod=\"token\" Namespace=\"ml\" Labels=\"env=prod;team=ml\" />", project, StringComparison.Ordinal);
        Assert.Contains("<!-- An app host written by hand: this comment and the blank line below must survive every edit. -->\n\n  <PropertyGroup>", project, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, project, StringComparison.Ordinal);
        Assert.Matches("<UserSecretsId>[0-9a-f-]{36}</UserSecretsId>", project);

        var secrets = JsonNode.Parse(_workspace.SecretsText()!)!.AsObject();
        Assert.Equal(Canary, (string?)secrets["Parameters:kube-prod-token"]);
        Assert.StartsWith("LS0tLS1CRUdJTi", (string?)secrets["Parameters:kube-prod-certificate-authority"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registers_into_a_project_whose_root_element_is_self_closing()
    {
        // Found by the reliability fuzzer: inserting before a missing </Project> was KC5121.
        using var workspace = new CliWorkspace("<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        var result = await workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--no-verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        var project = System.Xml.Linq.XDocument.Parse(workspace.ProjectText).Root!;
        Assert.Equal("Microsoft.NET.Sdk", (string?)project.Attribute("Sdk"));
        Assert.Contains(project.Descendants("KubernetesConnector"), item => (string?)item.Attribute("Include") == "kube-a");
        Assert.EndsWith("</Project>\n", workspace.ProjectText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_given_as_dash_is_read_from_standard_input()
    {
        _workspace.StandardInput = Canary + "\n";
        var result = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--token", "-", "--no-verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Canary, (string?)JsonNode.Parse(_workspace.SecretsText()!)!["Parameters:kube-a-token"]);
        Assert.DoesNotContain(Canary, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_secrets_given_as_dash_are_a_usage_error_not_a_crash()
    {
        // Found by the reliability fuzzer: the second '-' read a standard input the first had disposed (KC5121).
        _workspace.StandardInput = Canary + "\n";
        var result = await _workspace.RunAsync(
            "register", "kube-a", "--server", "https://a.example.test", "--token", "-", "--client-certificate", TestCertificates.CaPem, "--client-key", "-", "--no-verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error KC5119: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(" - would read standard input a second time", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("KC5121", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("kube-a", _workspace.ProjectText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_literal_secret_is_accepted_with_a_warning_and_never_echoed()
    {
        var result = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--token", Canary, "--no-verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning KC5108", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_option_without_value_asks_at_the_prompt()
    {
        _workspace.PromptAnswers = new Queue<string>([Canary]);
        var result = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--token", "--no-verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(_workspace.PromptAnswers);
        Assert.Contains(Canary, _workspace.SecretsText(), StringComparison.Ordinal);
        Assert.DoesNotContain("KC5108", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_terminal_a_prompted_secret_is_a_coded_usage_error_and_nothing_is_written()
    {
        var before = _workspace.ProjectText;
        var result = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--token", "--no-verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error KC5109", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.ProjectText);
        Assert.Null(_workspace.SecretsText());
    }

    [Fact]
    public async Task The_password_method_is_inferred_and_a_missing_password_is_asked_for()
    {
        _workspace.PromptAnswers = new Queue<string>(["pa55"]);
        var user = _workspace.Write("user.txt", "admin");
        var result = await _workspace.RunAsync("register", "kube-basic", "--server", "https://b.example.test", "--username", "@" + user, "--no-verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("AuthMethod=\"password\"", _workspace.ProjectText, StringComparison.Ordinal);
        Assert.Contains("warning KC5007", result.Error, StringComparison.Ordinal);
        var secrets = JsonNode.Parse(_workspace.SecretsText()!)!;
        Assert.Equal("admin", (string?)secrets["Parameters:kube-basic-username"]);
        Assert.Equal("pa55", (string?)secrets["Parameters:kube-basic-password"]);
    }

    [Fact]
    public async Task An_invalid_certificate_is_refused_with_the_shared_rule_code_and_nothing_is_written()
    {
        var bad = _workspace.Write("bad.crt", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        var before = _workspace.ProjectText;

        var result = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--certificate-authority", bad, "--no-verify");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("error KC5009", result.Error, StringComparison.Ordinal);
        Assert.Contains("error KC5124", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.ProjectText);
        Assert.Null(_workspace.SecretsText());
    }

    [Fact]
    public async Task An_invalid_name_is_refused_with_KC5001()
    {
        var result = await _workspace.RunAsync("register", "Bad--name", "--server", "https://a.example.test", "--no-verify");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("error KC5001", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_twice_is_a_conflict()
    {
        Assert.Equal(0, (await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--no-verify")).ExitCode);
        var result = await _workspace.RunAsync("register", "KUBE-A", "--server", "https://a.example.test", "--no-verify");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("error KC5106", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_held_lock_stops_the_command_without_touching_anything()
    {
        File.WriteAllText(_workspace.ProjectPath + ".lock", string.Empty);
        var before = _workspace.ProjectText;

        var result = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--no-verify");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("error KC5111", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.ProjectText);
        Assert.True(File.Exists(_workspace.ProjectPath + ".lock"));
    }

    [Fact]
    public async Task Unknown_type_and_conflicting_options_are_coded_errors()
    {
        var unknownType = await _workspace.RunAsync("register", "kube-a", "--type", "aws", "--no-verify");
        Assert.Equal(3, unknownType.ExitCode);
        Assert.Contains("error KC5112", unknownType.Error, StringComparison.Ordinal);

        var conflicting = await _workspace.RunAsync("register", "kube-a", "--auto-configure", "--server", "https://a.example.test", "--no-verify");
        Assert.Equal(2, conflicting.ExitCode);
        Assert.Contains("error KC5119", conflicting.Error, StringComparison.Ordinal);

        var contextWithout = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--context", "x", "--no-verify");
        Assert.Equal(2, contextWithout.ExitCode);
        Assert.Contains("error KC5119", contextWithout.Error, StringComparison.Ordinal);

    }

    [Fact]
    public async Task Bad_flags_are_usage_errors_with_KC5100()
    {
        var result = await _workspace.RunAsync("register", "kube-a", "--no-such-flag", "--no-verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error KC5100", result.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet connector register --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_file_is_read_as_the_secret_not_expanded_as_a_response_file()
    {
        // System.CommandLine would splice "@file" contents into the arguments; the tool turns that off.
        var tokenFile = _workspace.Write("token.txt", "--server https://evil.example.test");
        var result = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--token", "@" + tokenFile, "--no-verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Server=\"https://a.example.test\"", _workspace.ProjectText, StringComparison.Ordinal);
        Assert.Equal("--server https://evil.example.test", (string?)JsonNode.Parse(_workspace.SecretsText()!)!["Parameters:kube-a-token"]);
    }

    [Fact]
    public async Task A_missing_secret_file_is_KC5107()
    {
        var result = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--token", "@nope.txt", "--no-verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error KC5107", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_certificate_and_key_are_stored_as_parameters_and_the_key_path_draws_no_warning()
    {
        var cert = _workspace.Write("client.crt", TestCertificates.ClientCertificatePem);
        var key = _workspace.Write("client.key", TestCertificates.ClientKeyPem);

        var result = await _workspace.RunAsync("register", "kube-c", "--server", "https://c.example.test", "--client-certificate", cert, "--client-key", key, "--no-verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("KC5108", result.Error, StringComparison.Ordinal);
        var secrets = JsonNode.Parse(_workspace.SecretsText()!)!;
        Assert.NotNull(secrets["Parameters:kube-c-client-certificate"]);
        Assert.NotNull(secrets["Parameters:kube-c-client-key"]);
        Assert.DoesNotContain("PRIVATE KEY", _workspace.ProjectText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_reports_the_parameters_and_resource()
    {
        var result = await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--token", "@" + _workspace.Write("t", Canary), "-o", "json", "--no-verify");

        var json = JsonNode.Parse(result.Output)!;
        Assert.Equal("kube-a", (string?)json["name"]);
        Assert.False((bool)json["verified"]!);
        Assert.Equal("kube-a-token", (string?)json["parameters"]![0]);
        Assert.Equal("a.example.test", (string?)json["resources"]![0]!["resourceNames"]![0]);
    }

    public void Dispose() => _workspace.Dispose();
}
