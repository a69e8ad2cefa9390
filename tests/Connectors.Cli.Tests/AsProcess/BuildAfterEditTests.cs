using System.Diagnostics;
using Connectors.Cli.Tests.Support;

namespace Connectors.Cli.Tests.AsProcess;

/// <summary>
/// What the tool writes must satisfy the build: temp app host and component projects that import this
/// repository's hosting props and targets (as the package would) and run the real validation task,
/// edited by the tool as a process, then built with <c>dotnet build</c>.
/// </summary>
public sealed class BuildAfterEditTests : IDisposable
{
    private const string Canary = "canary-build-3be1f0";
    private readonly CliWorkspace _workspace = new(AppHostProject);

    private const string AppHostProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
          </PropertyGroup>
          <ItemGroup>
            <Compile Include="Program.cs" />
            <ProjectReference Include="../Orchestrator/Orchestrator.csproj" />
          </ItemGroup>
        </Project>

        """;

    public BuildAfterEditTests()
    {
        var repo = RepositoryRoot();
        var hosting = Path.Combine(repo, "src", "Connectors.Kubernetes.Hosting", "build");
        var requirements = Path.Combine(repo, "src", "Connectors.Kubernetes", "build", "Connectors.Kubernetes.Requirements.targets");
        var task = Path.Combine(repo, "src", "Connectors.Kubernetes.Build", "bin", Configuration, "net10.0", "Connectors.Kubernetes.Build.dll");
        _workspace.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <KubernetesConnectorTasksAssembly>{task}</KubernetesConnectorTasksAssembly>
                <KubernetesConnectorUseTaskHost>true</KubernetesConnectorUseTaskHost>
              </PropertyGroup>
              <Import Project="{Path.Combine(hosting, "Connectors.Kubernetes.Hosting.props")}" />
            </Project>
            """);
        _workspace.Write("Directory.Build.targets", $"""
            <Project>
              <Import Project="{Path.Combine(hosting, "Connectors.Kubernetes.Hosting.targets")}" />
              <Import Project="{requirements}" />
            </Project>
            """);
        _workspace.Write("AppHost/Program.cs", "System.Console.WriteLine(\"app host\");\n");
        _workspace.Write("Orchestrator/Orchestrator.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <Compile Include="Marker.cs" />
              </ItemGroup>
            </Project>

            """);
        _workspace.Write("Orchestrator/Marker.cs", "namespace Orchestrator; public static class Marker;\n");
    }

    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    private Task<CliResult> Tool(string? stdin, params string[] args) =>
        ToolProcess.RunAsync(_workspace.AppHostFolder, _workspace.Environment, args, stdin);

    [Fact]
    public async Task The_app_host_builds_with_the_validation_task_after_register_and_connect_and_the_log_holds_no_secret()
    {
        var ca = _workspace.Write("ca.crt", TestCertificates.CaPem);
        Assert.Equal(0, (await Tool(Canary, "register", "kube-prod", "--server", "https://kube-prod.example.test", "--token", "-", "--certificate-authority", ca, "--namespace", "ml", "--no-verify")).ExitCode);
        Assert.Equal(0, (await Tool(null, "connect", "../Orchestrator", "--connector", "kube-prod")).ExitCode);

        var (exit, log) = await BuildAsync(_workspace.ProjectPath);

        Assert.True(exit == 0, log);
        Assert.DoesNotContain("error KC", log, StringComparison.Ordinal);
        Assert.DoesNotContain("warning KC2", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_connected_to_a_connector_the_app_host_lacks_fails_the_app_host_build()
    {
        Assert.Equal(0, (await Tool(Canary, "register", "kube-prod", "--server", "https://kube-prod.example.test", "--token", "-", "--no-verify")).ExitCode);
        var connect = await Tool(null, "connect", "../Orchestrator", "--connector", "kube-other");
        Assert.Contains("warning KC5120", connect.Error, StringComparison.Ordinal);

        var (exit, log) = await BuildAsync(_workspace.ProjectPath);

        Assert.NotEqual(0, exit);
        Assert.Contains("kube-other", log, StringComparison.Ordinal);
        Assert.Contains("error KC2", log, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Log)> BuildAsync(string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var arg in new[] { "build", project, "-nologo", "-nr:false", "-tl:off", "-v:n", "-p:NuGetAudit=false" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || name is "DOTNET_HOST_PATH")
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["HOME"] = _workspace.Home;
        start.Environment["KUBECONFIG"] = Path.Combine(_workspace.Home, ".kube", "config");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "Connectors.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException("Connectors.sln not found above the test binaries.");
    }

    public void Dispose() => _workspace.Dispose();
}
