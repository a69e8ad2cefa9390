namespace Connectors.Kubernetes.Build.Tests.RealBuilds;

/// <summary>
/// Real <c>dotnet build</c>s of fresh projects in temp folders: the exact coded lines users see, the
/// incremental stamp, the warning switches, and no secret anywhere in a diagnostic log or under obj/.
/// Kept few because each build costs seconds.
/// </summary>
[Trait("Category", "RealBuild")]
public sealed class RealBuildTests : IDisposable
{
    private readonly BuildSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Broken_app_host_fails_with_coded_lines_at_file_line_and_column()
    {
        _sandbox.Write("Orchestrator/Orchestrator.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <KubernetesConnectorReference Include="kube-prod" />
                <KubernetesConnectorReference Include="kube-gpu" />
              </ItemGroup>
            </Project>
            """);
        _sandbox.Write("AppHost/connectors.props", """
            <Project>
              <ItemGroup>
                <KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" Kubeconfig="kubeconfig.yaml" />
              </ItemGroup>
            </Project>
            """);
        _sandbox.Write("AppHost/kubeconfig.yaml", """
            contexts:
            - name: kind-other
              context: {cluster: c, user: u}
            current-context: kind-other
            """);
        _sandbox.Write("AppHost/AppHost.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="connectors.props" />
              <ItemGroup>
                <KubernetesConnector Include="kube-prod" Server="https://kube-prod.example.test" />
                <KubernetesConnector Include="kube-prod" AutoConfigure="true" Sever="x" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../Orchestrator/Orchestrator.csproj" />
              </ItemGroup>
            </Project>
            """);

        var result = _sandbox.Build("AppHost/AppHost.csproj", "-v:d");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.DoesNotContain(": warning MSB", result.Output); // e.g. MSB4011, a targets file imported twice
        Assert.Equal(
            [
                "AppHost/AppHost.csproj(5,5): error KC2101",
                "AppHost/AppHost.csproj(8,5): error KC2108",
                "AppHost/AppHost.csproj(4,5): warning KC2103",
                "AppHost/AppHost.csproj(5,5): warning KC2105",
                "AppHost/AppHost.csproj(5,67): warning KC2109",
                "AppHost/connectors.props(3,66): warning KC2106",
            ],
            result.Heads.Order(StringComparer.Ordinal).OrderBy(h => h.Contains(": warning ", StringComparison.Ordinal)).ToList());
        Assert.Contains(
            "AppHost/AppHost.csproj(8,5): error KC2108: Component 'Orchestrator' (" + Path.Combine(_sandbox.Root, "Orchestrator", "Orchestrator.csproj")
            + ") requires the connector 'kube-gpu', which this app host does not declare. Add <KubernetesConnector Include=\"kube-gpu\" .../> to the app host, or remove <KubernetesConnectorReference Include=\"kube-gpu\" /> from the component.",
            result.Output);

        // The component declares no connectors, so only the app host ran the validation task.
        var ran = System.Text.RegularExpressions.Regex.Matches(result.Output, "Target \"ValidateKubernetesConnectors\" in file \"[^\"]+\" from project \"(?<project>[^\"]+)\"");
        Assert.Equal([Path.Combine(_sandbox.Root, "AppHost", "AppHost.csproj")], ran.Select(m => m.Groups["project"].Value));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_sandbox.Root, "Orchestrator", "obj"), "*.KubernetesConnectors.stamp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Clean_app_host_builds_leaks_no_secret_and_validates_again_only_when_an_input_changes()
    {
        const string secretCanary = "canary-user-secret-9c41d2";
        const string environmentCanary = "canary-environment-5e7b13";
        const string kubeconfigCanary = "canary-kubeconfig-token-0a8f66";
        _sandbox.Write("AppHost/AppHost.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <UserSecretsId>kc-realbuild-app</UserSecretsId>
              </PropertyGroup>
              <ItemGroup>
                <KubernetesConnector Include="kube-prod" Server="https://kube-prod.example.test" AuthMethod="token" />
                <KubernetesConnector Include="kube-basic" Server="https://kube-basic.example.test" AuthMethod="password" />
                <KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" Kubeconfig="kubeconfig.yaml" />
              </ItemGroup>
            </Project>
            """);
        _sandbox.Write("AppHost/kubeconfig.yaml", $"""
            clusters:
            - name: dev
              cluster: {"{"}server: "https://127.0.0.1:6443"{"}"}
            contexts:
            - name: kind-dev
              context: {"{"}cluster: dev, user: dev{"}"}
            users:
            - name: dev
              user:
                token: {kubeconfigCanary}
            """);
        var secrets = _sandbox.WriteUserSecrets("kc-realbuild-app", $$"""{ "Parameters": { "kube-prod-token": "{{secretCanary}}", "kube-basic-username": "admin" } }""");
        _sandbox.SetEnvironment("Parameters__kube-basic-password", environmentCanary);

        var first = _sandbox.Build("AppHost/AppHost.csproj", "-v:diag");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains(first.Diagnostics, d => d.Contains("warning KC2007", StringComparison.Ordinal)); // password method: not for production
        Assert.DoesNotContain(first.Diagnostics, d => !d.Contains("warning KC2007", StringComparison.Ordinal));
        Assert.Contains("Task \"ValidateKubernetesConnectors\"", first.Output);
        foreach (var canary in new[] { secretCanary, environmentCanary, kubeconfigCanary })
        {
            Assert.DoesNotContain(canary, first.Output);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(_sandbox.Root, "AppHost", "obj"), "*", SearchOption.AllDirectories))
            {
                var bytes = File.ReadAllBytes(file);
                Assert.False(
                    System.Text.Encoding.UTF8.GetString(bytes).Contains(canary, StringComparison.Ordinal),
                    "secret found in " + file);
            }
        }

        var noOp = _sandbox.Build("AppHost/AppHost.csproj", "-v:d");
        Assert.Equal(0, noOp.ExitCode);
        Assert.Contains("Skipping target \"ValidateKubernetesConnectors\" because all output files are up-to-date", noOp.Output);

        File.WriteAllText(secrets, """{ "Parameters": { "kube-basic-username": "admin" } }""");
        var afterEdit = _sandbox.Build("AppHost/AppHost.csproj");
        Assert.Equal(0, afterEdit.ExitCode);
        Assert.Contains("AppHost/AppHost.csproj(6,5): warning KC2103", afterEdit.Heads);
    }

    [Fact]
    public void Warning_switches_apply_to_connector_warnings()
    {
        _sandbox.Write("AppHost/AppHost.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <KubernetesConnector Include="kube-prod" Server="https://kube-prod.example.test" />
              </ItemGroup>
            </Project>
            """);
        var stamp = Path.Combine(_sandbox.Root, "AppHost", "obj", "Debug", "net10.0", "AppHost.KubernetesConnectors.stamp");

        var treatAsErrors = _sandbox.Build("AppHost/AppHost.csproj", "-p:TreatWarningsAsErrors=true");
        Assert.NotEqual(0, treatAsErrors.ExitCode);
        Assert.Equal(["AppHost/AppHost.csproj(3,5): error KC2103"], treatAsErrors.Heads);
        Assert.False(File.Exists(stamp));

        var disabled = _sandbox.Build("AppHost/AppHost.csproj", "-p:KubernetesConnectorValidationEnabled=false");
        Assert.Equal(0, disabled.ExitCode);
        Assert.Empty(disabled.Diagnostics);
        Assert.False(File.Exists(stamp));

        var suppressed = _sandbox.Build("AppHost/AppHost.csproj", "-p:NoWarn=KC2103");
        Assert.Equal(0, suppressed.ExitCode);
        Assert.Empty(suppressed.Diagnostics);
        Assert.True(File.Exists(stamp));
    }
}
