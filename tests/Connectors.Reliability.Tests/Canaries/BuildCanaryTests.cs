using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Canaries;

/// <summary>
/// A real <c>dotnet build -v:diag</c> of an app host through this repository's build files, the MSBuild
/// task (out of process) and the generator, with canary secrets where they belong: user secrets (a
/// token, a password, a client key generated now) under a private HOME, a <c>Parameters__…</c>
/// environment variable, and a token in the kubeconfig an auto-configured connector reads. Scanned:
/// the whole diagnostic log, and every file under <c>obj/</c> and <c>bin/</c> — generated sources
/// included (<c>EmitCompilerGeneratedFiles</c>). A second project puts a canary token in the project
/// file itself: its KC2017 error must not repeat it, nor anything under its <c>obj/</c>.
/// </summary>
public sealed class BuildCanaryTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("canary-build-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

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

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void WriteSandbox()
    {
        var repo = RepositoryRoot();
        var hosting = Path.Combine(repo, "src", "Connectors.Kubernetes.Hosting", "build");
        var runtime = Path.Combine(repo, "src", "Connectors.Kubernetes", "build");
        var task = Path.Combine(repo, "src", "Connectors.Kubernetes.Build", "bin", "Release", "net10.0", "Connectors.Kubernetes.Build.dll");
        var generator = Path.Combine(repo, "src", "Connectors.Kubernetes.Generators", "bin", "Release", "netstandard2.0", "Connectors.Kubernetes.Generators.dll");
        Assert.True(File.Exists(task) && File.Exists(generator), "build the solution in Release first");
        Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <KubernetesConnectorTasksAssembly>{task}</KubernetesConnectorTasksAssembly>
                <KubernetesConnectorUseTaskHost>true</KubernetesConnectorUseTaskHost>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{generator}" />
              </ItemGroup>
              <Import Project="{Path.Combine(runtime, "Connectors.Kubernetes.props")}" />
              <Import Project="{Path.Combine(hosting, "Connectors.Kubernetes.Hosting.props")}" />
            </Project>
            """);
        Write("Directory.Build.targets", $"""
            <Project>
              <Import Project="{Path.Combine(hosting, "Connectors.Kubernetes.Hosting.targets")}" />
              <Import Project="{Path.Combine(runtime, "Connectors.Kubernetes.targets")}" />
            </Project>
            """);
    }

    private (int ExitCode, string Output) Build(string project, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", Path.Combine(_root, project), "-c", "Release", "-nologo", "-nr:false", "-tl:off" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Parameters", StringComparison.OrdinalIgnoreCase)
            || n.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || n is "KUBECONFIG" or "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = Path.Combine(_root, "home");
        start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet build did not finish in 4 minutes");
        }

        return (process.ExitCode, text + error.Result);
    }

    [Fact]
    public void A_diagnostic_build_with_canary_secrets_leaves_none_in_its_log_obj_bin_or_generated_sources()
    {
        var sweep = new CanarySweep(output);
        var token = sweep.Token("user-secrets token");
        var password = sweep.Token("environment password");
        var kubeconfigToken = sweep.Token("kubeconfig token");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyPem = key.ExportPkcs8PrivateKeyPem();
        sweep.Watch("user-secrets client key", keyPem);
        WriteSandbox();
        Write("AppHost/AppHost.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <UserSecretsId>canary-build-app</UserSecretsId>
              </PropertyGroup>
              <ItemGroup>
                <KubernetesConnector Include="kube-prod" Server="https://kube-prod.example.test" AuthMethod="token" />
                <KubernetesConnector Include="kube-basic" Server="https://kube-basic.example.test" AuthMethod="password" />
                <KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="kind-dev" Kubeconfig="kubeconfig.yaml" />
              </ItemGroup>
            </Project>
            """);
        Write("AppHost/Program.cs", "System.Console.WriteLine(\"app host\");\n");
        Write("AppHost/kubeconfig.yaml", $$"""
            clusters:
            - name: dev
              cluster: {server: "https://127.0.0.1:6443"}
            contexts:
            - name: kind-dev
              context: {cluster: dev, user: dev}
            users:
            - name: dev
              user:
                token: {{kubeconfigToken}}
            """);
        var keyBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(keyPem));
        Write("home/.microsoft/usersecrets/canary-build-app/secrets.json",
            $$"""{ "Parameters": { "kube-prod-token": "{{token}}", "kube-basic-username": "admin", "kube-prod-client-key": "{{keyBase64}}" } }""");

        var clock = Stopwatch.StartNew();
        var (exit, log) = Build("AppHost/AppHost.csproj", new Dictionary<string, string> { ["Parameters__kube-basic-password"] = password }, "-v:diag");
        output.WriteLine($"diagnostic build: {clock.Elapsed.TotalSeconds:F1} s, {log.Length:N0} chars of log");

        Assert.True(exit == 0, log[^Math.Min(log.Length, 4000)..]);
        Assert.Contains("Task \"ValidateKubernetesConnectors\"", log, StringComparison.Ordinal);
        var generated = Directory.GetFiles(Path.Combine(_root, "AppHost", "obj"), "*.g.cs", SearchOption.AllDirectories);
        Assert.Contains(generated, f => f.Contains("Connectors.Kubernetes.Generators", StringComparison.Ordinal));
        sweep.ScanText("diagnostic build log", log);
        var files = sweep.ScanDirectory(Path.Combine(_root, "AppHost", "obj")) + sweep.ScanDirectory(Path.Combine(_root, "AppHost", "bin"));
        output.WriteLine($"{files} files under obj/ and bin/, {generated.Length} generated sources");

        // A token written into the project file: KC2017, and the error does not repeat it.
        var misplaced = sweep.Token("token in the project file");
        Write("Misplaced/Misplaced.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <KubernetesConnector Include="kube-bad" Server="https://kube-bad.example.test" AuthMethod="token" Token="{misplaced}" />
              </ItemGroup>
            </Project>
            """);
        Write("Misplaced/Program.cs", "System.Console.WriteLine(\"misplaced\");\n");
        var (badExit, badLog) = Build("Misplaced/Misplaced.csproj", [], "-v:n");
        Assert.NotEqual(0, badExit);
        Assert.Contains("error KC2017", badLog, StringComparison.Ordinal);
        sweep.ScanText("KC2017 build log", badLog);
        sweep.ScanDirectory(Path.Combine(_root, "Misplaced", "obj"));
        sweep.AssertNoHits("build");
    }
}
