using Connectors.Kubernetes.Build.Tests.Infrastructure;

namespace Connectors.Kubernetes.Build.Tests.Checks;

/// <summary>Secret parameters need a value the app host can read at run time; a missing one is a warning.</summary>
public sealed class SecretParameterTests : IDisposable
{
    private const string TokenConnector = """
            <KubernetesConnector Include="kube-prod" Server="https://kube-prod.example.test" AuthMethod="token" />
        """;

    private readonly TaskHarness _harness = new();

    public SecretParameterTests()
    {
        _harness.UserSecretsId = "app-secrets";
        _harness.UserSecretsFile = Path.Combine(_harness.Directory.Path, "usersecrets", "secrets.json");
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Missing_token_is_a_warning_at_the_item_naming_parameter_and_fix()
    {
        var engine = _harness.Run(TokenConnector);

        var warning = Assert.Single(engine.Warnings);
        Assert.Empty(engine.Errors);
        Assert.Equal(("KC2103", 3, 5), (warning.Code, warning.LineNumber, warning.ColumnNumber));
        Assert.Contains("'kube-prod-token'", warning.Message);
        Assert.Contains("UserSecretsId app-secrets", warning.Message);
        Assert.Contains("dotnet user-secrets set Parameters:kube-prod-token <value>", warning.Message);
        Assert.Contains("Parameters__kube-prod-token", warning.Message);
    }

    [Fact]
    public void Token_in_user_secrets_flat_key_satisfies_the_check_even_when_empty()
    {
        _harness.Directory.Write("usersecrets/secrets.json", """{ "Parameters:kube-prod-token": "" }""");
        Assert.Empty(_harness.Run(TokenConnector).Lines);
    }

    [Fact]
    public void Token_in_user_secrets_nested_object_with_comments_satisfies_the_check()
    {
        _harness.Directory.Write("usersecrets/secrets.json", """
            // written by hand
            { "parameters": { "KUBE-PROD-TOKEN": "x", }, }
            """);
        Assert.Empty(_harness.Run(TokenConnector).Lines);
    }

    [Fact]
    public void Null_value_in_user_secrets_does_not_count()
    {
        _harness.Directory.Write("usersecrets/secrets.json", """{ "Parameters": { "kube-prod-token": null } }""");
        Assert.Equal(["KC2103"], _harness.Run(TokenConnector).Codes);
    }

    [Fact]
    public void Token_in_environment_satisfies_the_check()
    {
        _harness.SetEnvironment("Parameters__kube-prod-token", "x");
        Assert.Empty(_harness.Run(TokenConnector).Lines);
    }

    [Fact]
    public void Token_in_appsettings_satisfies_the_check()
    {
        _harness.Directory.Write("appsettings.Development.json", """{ "Parameters": { "kube-prod-token": "x" } }""");
        Assert.Empty(_harness.Run(TokenConnector).Lines);
    }

    [Fact]
    public void Password_method_needs_username_and_password()
    {
        _harness.SetEnvironment("Parameters__kube-basic-username", "admin");
        var engine = _harness.Run("""
                <KubernetesConnector Include="kube-basic" Server="https://kube-basic.example.test" AuthMethod="password" />
            """);

        var missing = engine.Warnings.Where(w => w.Code == "KC2103").Select(w => w.Message).ToList();
        Assert.Single(missing);
        Assert.Contains("'kube-basic-password'", missing[0]);
    }

    [Fact]
    public void Auto_configure_connectors_need_no_secret_parameter()
    {
        var engine = _harness.Run("""
                <KubernetesConnector Include="kube-dev" AutoConfigure="true" />
            """, checkKubeconfig: false);
        Assert.Empty(engine.Lines);
    }

    [Fact]
    public void Without_UserSecretsId_the_message_says_how_to_initialise_user_secrets()
    {
        _harness.UserSecretsId = null;
        _harness.UserSecretsFile = null;
        var warning = Assert.Single(_harness.Run(TokenConnector).Warnings);
        Assert.Contains("no UserSecretsId", warning.Message);
        Assert.Contains("dotnet user-secrets init", warning.Message);
    }

    [Fact]
    public void Broken_user_secrets_file_is_reported_by_position_without_content()
    {
        const string canary = "canary-5bd2c07e";
        _harness.Directory.Write("usersecrets/secrets.json", "{\n  \"Parameters:kube-prod-token\": " + canary + "\n}");
        var engine = _harness.Run(TokenConnector);

        var unreadable = Assert.Single(engine.Warnings, w => w.Code == "KC2104");
        Assert.Equal(_harness.UserSecretsFile, unreadable.File);
        Assert.Equal(2, unreadable.LineNumber);
        Assert.Contains(engine.Warnings, w => w.Code == "KC2103");
        Assert.DoesNotContain(engine.Lines, line => line.Contains(canary, StringComparison.Ordinal) || line.Contains("'c'", StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_check_can_be_switched_off()
    {
        Assert.Empty(_harness.Run(TokenConnector, checkSecrets: false).Lines);
    }
}
