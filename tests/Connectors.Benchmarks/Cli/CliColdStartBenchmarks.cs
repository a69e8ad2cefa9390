using System.Diagnostics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using Connectors.Kubernetes.Testing;

namespace Connectors.Benchmarks.Cli;

/// <summary>
/// Cold start of <c>dotnet connector describe NAME</c> as a whole process, against the baseline
/// <c>kubectl config view --minify</c> on a kubeconfig that points at the loopback cluster. Each
/// operation starts a fresh process and waits for it, so JIT, assembly loading and file reading are
/// all inside the measurement. Goal: ratio ≤ 1.5 for the ReadyToRun build (what the tool package installs on its
/// main platforms); the plain build (the portable fallback package) is measured beside it.
/// Run: <c>dotnet run -c Release --project tests/Connectors.Benchmarks -- --filter '*CliColdStart*'</c>.
/// </summary>
[Config(typeof(ColdStartConfig))]
public class CliColdStartBenchmarks
{
    private string _work = null!;
    private string _projectFolder = null!;
    private string _kubeconfig = null!;
    private string _readyToRunTool = null!;
    private string _plainTool = null!;
    private Dictionary<string, string> _environment = null!;
    private LoopbackKubernetesServer _server = null!;

    /// <summary>
    /// Every operation is a child process, so the benchmark host runs in process (no generated project
    /// to build, which on a busy machine outlasts BenchmarkDotNet's build timeout).
    /// </summary>
    private sealed class ColdStartConfig : ManualConfig
    {
        public ColdStartConfig() =>
            AddJob(Job.Default
                .WithToolchain(InProcessNoEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(20));
    }

    [GlobalSetup]
    public void Setup()
    {
        var repo = RepositoryRoot();
        _work = Path.Combine(Path.GetTempPath(), "connector-coldstart-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_work);

        var exe = OperatingSystem.IsWindows() ? "dotnet-connector.exe" : "dotnet-connector";
        var published = Path.Combine(repo, "artifacts", "bench", "cli-r2r");
        Run("dotnet", repo, "publish", Path.Combine(repo, "src", "Connectors.Cli", "Connectors.Cli.csproj"), "-c", "Release",
            "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", published, "-nologo", "-v:q");
        _readyToRunTool = Path.Combine(published, exe);
        _plainTool = Path.Combine(repo, "src", "Connectors.Cli", "bin", "Release", "net10.0", exe);
        if (!File.Exists(_plainTool))
        {
            Run("dotnet", repo, "build", Path.Combine(repo, "src", "Connectors.Cli", "Connectors.Cli.csproj"), "-c", "Release", "-nologo", "-v:q");
        }

        _server = LoopbackKubernetesServer.StartAsync().GetAwaiter().GetResult();
        _kubeconfig = _server.WriteKubeconfigAsync(Path.Combine(_work, "kubeconfig")).GetAwaiter().GetResult();

        _projectFolder = Path.Combine(_work, "AppHost");
        Directory.CreateDirectory(_projectFolder);
        File.WriteAllText(Path.Combine(_projectFolder, "AppHost.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(_work, "ca.crt"), _server.CertificateAuthorityPem);
        File.WriteAllText(Path.Combine(_work, "token"), "benchmark-token");
        _environment = new Dictionary<string, string>
        {
            ["CONNECTORS_USER_SECRETS_ROOT"] = Path.Combine(_work, "usersecrets"),
            ["KUBECONFIG"] = _kubeconfig,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        Run(_readyToRunTool, _projectFolder, "register", "kube-prod", "--server", _server.Url.ToString(), "--token", "@" + Path.Combine(_work, "token"),
            "--certificate-authority", Path.Combine(_work, "ca.crt"), "--label", "env=bench", "--no-verify");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_work, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "kubectl config view --minify")]
    public void KubectlConfigViewMinify() => Run("kubectl", _work, "--kubeconfig", _kubeconfig, "config", "view", "--minify");

    [Benchmark(Description = "dotnet connector describe (ReadyToRun)")]
    public void ConnectorDescribeReadyToRun() => Run(_readyToRunTool, _projectFolder, "describe", "kube-prod");

    [Benchmark(Description = "dotnet connector describe (plain build)")]
    public void ConnectorDescribePlain() => Run(_plainTool, _projectFolder, "describe", "kube-prod");

    private void Run(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {error.Result}");
        }
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

        throw new InvalidOperationException("Run the benchmark from inside the repository (Connectors.sln not found above the binaries).");
    }
}
