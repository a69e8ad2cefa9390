using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Connectors.Benchmarks.Build;

/// <summary>
/// What the MSBuild validation costs an app host with 50 connectors, measured on whole
/// <c>dotnet build</c> processes: a no-op incremental build (goal: ratio to the same project without
/// the package's targets ≤ 1.03) and a full rebuild (the added time). Needs
/// <c>src/Connectors.Kubernetes.Build</c> built in Release first (the solution build does it).
/// Run: <c>dotnet run -c Release --project tests/Connectors.Benchmarks -- --filter '*BuildValidation*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BuildValidationBenchmarks
{
    private const int ConnectorCount = 50;
    private string _root = string.Empty;
    private string _withPackage = string.Empty;
    private string _withoutPackage = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var repo = RepositoryRoot();
        var task = Path.Combine(repo, "src", "Connectors.Kubernetes.Build", "bin", "Release", "net10.0", "Connectors.Kubernetes.Build.dll");
        if (!File.Exists(task))
        {
            throw new InvalidOperationException("Build src/Connectors.Kubernetes.Build in Release first: " + task);
        }

        _root = Path.Combine(Path.GetTempPath(), "kc-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(_root, "home"));
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />");
        var hosting = Path.Combine(repo, "src", "Connectors.Kubernetes.Hosting", "build");
        _withoutPackage = WriteProject("Plain", imports: null);
        _withPackage = WriteProject("WithPackage", imports: (
            Path.Combine(hosting, "Connectors.Kubernetes.Hosting.props"),
            Path.Combine(hosting, "Connectors.Kubernetes.Hosting.targets"),
            task));

        // Every connector's secret is present, so the measured builds are the quiet, common case.
        var secrets = new StringBuilder("{ \"Parameters\": {");
        for (var i = 0; i < ConnectorCount; i++)
        {
            secrets.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : ",")} \"kube-{i}-token\": \"t\"");
        }

        var secretsDirectory = Path.Combine(_root, "home", ".microsoft", "usersecrets", "kc-bench");
        Directory.CreateDirectory(secretsDirectory);
        File.WriteAllText(Path.Combine(secretsDirectory, "secrets.json"), secrets.Append(" } }").ToString());

        foreach (var project in new[] { _withoutPackage, _withPackage })
        {
            Run("restore", project);
            Run("build", project, "--no-restore");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }

    [Benchmark(Baseline = true, Description = "no-op build, without package")]
    [BenchmarkCategory("NoOp")]
    public void NoOpWithoutPackage() => Run("build", _withoutPackage, "--no-restore");

    [Benchmark(Description = "no-op build, with package")]
    [BenchmarkCategory("NoOp")]
    public void NoOpWithPackage() => Run("build", _withPackage, "--no-restore");

    [Benchmark(Baseline = true, Description = "full rebuild, without package")]
    [BenchmarkCategory("Full")]
    public void FullWithoutPackage() => Run("build", _withoutPackage, "--no-restore", "--no-incremental");

    [Benchmark(Description = "full rebuild, with package")]
    [BenchmarkCategory("Full")]
    public void FullWithPackage() => Run("build", _withPackage, "--no-restore", "--no-incremental");

    private string WriteProject(string name, (string Props, string Targets, string Task)? imports)
    {
        var text = new StringBuilder();
        text.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        if (imports is { } i)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  <Import Project=\"{i.Props}\" />");
        }

        text.AppendLine("  <PropertyGroup>");
        text.AppendLine("    <TargetFramework>net10.0</TargetFramework>");
        text.AppendLine("    <OutputType>Exe</OutputType>");
        text.AppendLine("    <UserSecretsId>kc-bench</UserSecretsId>");
        if (imports is { } j)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    <KubernetesConnectorTasksAssembly>{j.Task}</KubernetesConnectorTasksAssembly>");
        }

        text.AppendLine("  </PropertyGroup>");
        text.AppendLine("  <ItemGroup>");
        for (var n = 0; n < ConnectorCount; n++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    <KubernetesConnector Include=\"kube-{n}\" Server=\"https://kube-{n}.example.test\" AuthMethod=\"token\" Namespace=\"ml\" />");
        }

        text.AppendLine("  </ItemGroup>");
        if (imports is { } k)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  <Import Project=\"{k.Targets}\" />");
        }

        text.AppendLine("</Project>");
        var directory = Path.Combine(_root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), "System.Console.WriteLine(1);");
        var path = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private void Run(string verb, string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { verb, project, "-nologo", "-nr:false", "-tl:off", "-v:q" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = Path.Combine(_root, "home");
        start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {verb} {project} failed:\n{output}\n{error.Result}");
        }
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
}
