using Connectors.Cli.Tests.Support;

namespace Connectors.Cli.Tests.Commands;

public sealed class ConnectCommandTests : IDisposable
{
    private const string Component = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <!-- packages -->
            <PackageReference Include="Some.Package" Version="1.0.0" />
          </ItemGroup>
        </Project>

        """;

    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Connect_and_disconnect_edit_only_the_reference_item()
    {
        Assert.Equal(0, (await _workspace.RunAsync("register", "kube-a", "--server", "https://a.example.test", "--no-verify")).ExitCode);
        var component = _workspace.Write("Orchestrator/Orchestrator.csproj", Component);

        var connect = await _workspace.RunAsync("connect", "../Orchestrator", "--connector", "kube-a");
        Assert.True(connect.ExitCode == 0, connect.ToString());
        Assert.DoesNotContain("KC5120", connect.Error, StringComparison.Ordinal);
        Assert.Equal(Component.Replace("</Project>", "  <ItemGroup>\n    <KubernetesConnectorReference Include=\"kube-a\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal), File.ReadAllText(component));

        var again = await _workspace.RunAsync("connect", component, "--connector", "kube-a");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already uses", again.Output, StringComparison.Ordinal);

        var disconnect = await _workspace.RunAsync("disconnect", component, "--connector", "kube-a");
        Assert.Equal(0, disconnect.ExitCode);
        Assert.Equal(Component, File.ReadAllText(component));

        var notThere = await _workspace.RunAsync("disconnect", component, "--connector", "kube-a");
        Assert.Equal(3, notThere.ExitCode);
        Assert.Contains("error KC5118", notThere.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connecting_to_a_connector_the_app_host_lacks_warns()
    {
        _workspace.Write("Deployer/Deployer.csproj", Component);
        var result = await _workspace.RunAsync("connect", "../Deployer", "--connector", "kube-missing");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning KC5120", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connector_option_is_required()
    {
        _workspace.Write("Deployer/Deployer.csproj", Component);
        var result = await _workspace.RunAsync("connect", "../Deployer");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error KC5100", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
