using System.Diagnostics;
using Connectors.Kubernetes.Build.Tests.Infrastructure;

namespace Connectors.Kubernetes.Build.Tests.RealBuilds;

/// <summary>
/// A temp root for real <c>dotnet build</c>s of fresh projects: an isolating Directory.Build.props and
/// .targets that import this repository's package props and targets, the runtime package's and the
/// hosting package's (as NuGet would: props first, targets last) and load the freshly built task out of process (TaskHostFactory, so the assembly is
/// never locked); a private HOME, so user secrets and kubeconfig are the test's own.
/// </summary>
internal sealed class BuildSandbox : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public BuildSandbox()
    {
        var repo = RepositoryRoot();
        var hosting = Path.Combine(repo, "src", "Connectors.Kubernetes.Hosting", "build");
        var runtime = Path.Combine(repo, "src", "Connectors.Kubernetes", "build");
        var task = typeof(ValidateKubernetesConnectors).Assembly.Location;
        _root.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <KubernetesConnectorTasksAssembly>{task}</KubernetesConnectorTasksAssembly>
                <KubernetesConnectorUseTaskHost>true</KubernetesConnectorUseTaskHost>
              </PropertyGroup>
              <Import Project="{Path.Combine(runtime, "Connectors.Kubernetes.props")}" />
              <Import Project="{Path.Combine(hosting, "Connectors.Kubernetes.Hosting.props")}" />
            </Project>
            """);
        _root.Write("Directory.Build.targets", $"""
            <Project>
              <Import Project="{Path.Combine(hosting, "Connectors.Kubernetes.Hosting.targets")}" />
              <Import Project="{Path.Combine(runtime, "Connectors.Kubernetes.targets")}" />
            </Project>
            """);
        Directory.CreateDirectory(Home);

        // Nothing from the machine or the test runner may reach the build under test.
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Parameters", StringComparison.OrdinalIgnoreCase)
                || name is "KUBECONFIG" or "DOTNET_HOST_PATH" || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                _environment[name] = null;
            }
        }

        _environment["HOME"] = Home;
        _environment["NUGET_PACKAGES"] = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        _environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _environment["DOTNET_NOLOGO"] = "1";
        _environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        _environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }

    public string Root => _root.Path;

    public string Home => Path.Combine(_root.Path, "home");

    public string Write(string relativePath, string content) => _root.Write(relativePath, content);

    public void SetEnvironment(string name, string? value) => _environment[name] = value;

    /// <summary>Writes the user secrets file of <paramref name="userSecretsId"/> under the private HOME.</summary>
    public string WriteUserSecrets(string userSecretsId, string json) =>
        Write(Path.Combine("home", ".microsoft", "usersecrets", userSecretsId, "secrets.json"), json);

    /// <summary>Runs <c>dotnet build</c> on <paramref name="project"/> (relative to the root) with extra arguments.</summary>
    public BuildResult Build(string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", Path.Combine(Root, project), "-nologo", "-nr:false", "-tl:off", "-clp:NoSummary;ForceNoAlign" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in 3 minutes:\n" + output);
        }

        return new BuildResult(process.ExitCode, output + error.Result, Root);
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

    public void Dispose() => _root.Dispose();
}
