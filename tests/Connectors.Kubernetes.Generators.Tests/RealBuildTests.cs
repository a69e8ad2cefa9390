using Connectors.Kubernetes.Generators.Tests.Infrastructure;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>
/// A real <c>dotnet build</c> of a fresh project that imports the package's build files and loads the
/// generator as an analyzer, as a consumer of the Connectors.Kubernetes package does.
/// </summary>
public sealed class RealBuildTests : IDisposable
{
    private const string Secret = "s3cr3t-token-value-never-copied";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kc-generator-build-" + Guid.NewGuid().ToString("N"));

    public RealBuildTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "App"));
        // Isolate the temp project from any Directory.Build.* or central package settings above it.
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"), "<Project />");
    }

    [Fact]
    public void ItemsReachTheGeneratorNoOpBuildsSkipCompileAndBadItemsFailWithCodes()
    {
        var app = Path.Combine(_root, "App");
        WriteProject(app, extraItems: string.Empty);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Aspire.Hosting;
            using Microsoft.Extensions.Hosting;
            var prod = KubernetesConnectorDeclarations.KubeProd;
            System.Console.WriteLine(string.Join("|", KubernetesConnectors.KubeProd, prod.Server, prod.Labels["env"], prod.CertificateAuthority!.Replace("\n", "/"),
                prod.TokenParameterName, KubernetesConnectorDeclarations.KubeDev.Context, KubernetesConnectorDeclarations.All.Count));
            """);

        // 1. A first build: the items reach the generator, the generated code compiles and runs.
        var (exit, output) = DotnetCli.Build(app);
        Assert.True(exit == 0, output);
        Assert.Contains("warning KC3008", output, StringComparison.Ordinal); // a bare console app has no hosting or client
        var run = DotnetCli.Run(app, "bin/Release/net10.0/App.dll");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "kube-prod|https://kube-prod.example.test|prod # blue|-----BEGIN CERTIFICATE-----/MIIB/-----END CERTIFICATE-----|kube-prod-token|it's kind-dev|2",
            run.Output.Trim());

        // The secret someone wrongly put on an item reaches nothing we write.
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(app, "obj"), "*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(app, "bin"), "*", SearchOption.AllDirectories)))
        {
            if (!file.EndsWith(".cache", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(Secret, File.ReadAllText(file), StringComparison.Ordinal);
            }
        }

        // 2. A no-op build: the manifests are not rewritten, so the compiler does not run again.
        var assembly = Path.Combine(app, "obj", "Release", "net10.0", "App.dll");
        var manifest = Path.Combine(app, "obj", "Release", "net10.0", "App.KubernetesConnectors.declared.txt");
        var compiledAt = File.GetLastWriteTimeUtc(assembly);
        var writtenAt = File.GetLastWriteTimeUtc(manifest);
        (exit, output) = DotnetCli.Build(app);
        Assert.True(exit == 0, output);
        Assert.Equal(compiledAt, File.GetLastWriteTimeUtc(assembly));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(manifest));

        // 3. Bad items: coded errors, naming the item, fail the build.
        WriteProject(app, extraItems: """
            <KubernetesConnectorReference Include="kube_prod" />
            <KubernetesConnector Include="kube-prod" Server="https://other.example.test" AuthMethod="token" />
            """);
        (exit, output) = DotnetCli.Build(app);
        Assert.NotEqual(0, exit);
        Assert.Contains("error KC3001: The KubernetesConnectorReference item 'kube_prod' has an invalid connector name: the name contains '_'", output, StringComparison.Ordinal);
        Assert.Contains("error KC3002: The connector name 'kube-prod' appears in 2 KubernetesConnector items", output, StringComparison.Ordinal);
    }

    private static void WriteProject(string directory, string extraItems)
    {
        var build = Path.Combine(RepositoryPaths.Root, "src", "Connectors.Kubernetes", "build");
        var generator = typeof(KubernetesConnectorGenerator).Assembly.Location;
        File.WriteAllText(Path.Combine(directory, "App.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{{build}}/Connectors.Kubernetes.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{{generator}}" />
              </ItemGroup>
              <ItemGroup>
                <KubernetesConnector Include="kube-prod" Server="https://kube-prod.example.test" AuthMethod="token" Namespace="ml"
                    Labels="team=ml;env=prod # blue" Token="{{Secret}}"
                    CertificateAuthority="-----BEGIN CERTIFICATE-----&#10;MIIB&#10;-----END CERTIFICATE-----" />
                <KubernetesConnector Include="kube-dev" AutoConfigure="true" Context="it's kind-dev" />
                <KubernetesConnectorReference Include="kube-prod" />
                {{extraItems}}
              </ItemGroup>
              <Import Project="{{build}}/Connectors.Kubernetes.targets" />
            </Project>
            """);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}
