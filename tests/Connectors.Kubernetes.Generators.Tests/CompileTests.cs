using Connectors.Kubernetes.Generators.Tests.Infrastructure;
using Connectors.Kubernetes.Generators.Emitting;
using Microsoft.CodeAnalysis;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>The generated code compiles without a warning, and running it gives the declared values.</summary>
public sealed class CompileTests
{
    [Fact]
    public void AppHostDeclarationsCompileAndCarryTheDeclaredValues()
    {
        const string probe = """
            using Aspire.Hosting;
            public static class Probe
            {
                public static string Run()
                {
                    var prod = KubernetesConnectorDeclarations.KubeProd;
                    var dev = KubernetesConnectorDeclarations.KubeDev;
                    var basic = KubernetesConnectorDeclarations.KubeBasic;
                    return string.Join("|",
                        prod.Name, prod.Server, prod.AuthMethod, prod.ClusterName, prod.Namespace, prod.TokenParameterName,
                        prod.ClientKeyParameterName, prod.ClientKeyPath, prod.Labels["env"], prod.ExpiresAt!.Value.UtcDateTime.ToString("O"),
                        prod.IsDefault, dev.AutoConfigure, dev.Context, dev.Server ?? "-", basic.EffectiveClusterName, basic.InsecureSkipTlsVerify,
                        basic.UsernameParameterName, basic.PasswordParameterName, prod.BaseDirectory, KubernetesConnectorDeclarations.All.Count, prod);
                }
            }
            """;
        var outcome = (Samples.AppHost(Samples.KubeProd, Samples.KubeDev, Samples.KubeBasic) with { Sources = [probe] }).Run();

        Assert.Empty(outcome.CompileProblems);
        Assert.Equal(
            "kube-prod|https://kube-prod.example.test|token|kube-prod|ml|kube-prod-token|kube-prod-client-key|certs/client.key|prod|2027-01-31T00:00:00.0000000Z|"
            + "True|True|kind-dev|-|10.0.0.1|True|kube-basic-username|kube-basic-password|/src/App/|3|kube-prod",
            CompiledAssembly.Invoke(outcome.Output, "Probe", "Run"));
    }

    [Fact]
    public void ComponentRegistersEveryRequiredConnectorAndResolvesTypedClients()
    {
        // The runtime's AddKubernetesConnectorClient is replaced by a recorder that registers a real
        // KubernetesClient (never contacted), so the test runs whatever state the runtime is in.
        const string sources = """
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class RuntimeStandIn
            {
                public static readonly List<string> Registered = new();

                public static IHostApplicationBuilder AddKubernetesConnectorClient(this IHostApplicationBuilder builder, string name)
                {
                    Registered.Add(name);
                    builder.Services.AddKeyedSingleton<k8s.IKubernetes>(name, (_, _) =>
                        new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = "https://127.0.0.1:1/" + name }));
                    return builder;
                }
            }

            public static class Probe
            {
                public static string Run()
                {
                    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                    builder.AddKubernetesConnectors();
                    using var host = builder.Build();
                    var auto = host.Services.GetKubeAutoClient();
                    var gke = host.Services.GetGkeEu1Client();
                    return string.Join("|", string.Join(",", RuntimeStandIn.Registered), auto.BaseUri, gke.BaseUri,
                        string.Join(",", KubernetesConnectors.All), Keyed(host.Services));
                }

                // The constants are usable where a compile-time key is needed.
                private static string Keyed(System.IServiceProvider services) =>
                    services.GetRequiredKeyedService<k8s.IKubernetes>(KubernetesConnectors.KubeProd).BaseUri.ToString();
            }
            """;
        var outcome = (Samples.Component("kube-auto", "kube-prod", "gke-eu-1") with
        {
            References = TestReferences.ComponentWithoutRuntime,
            Sources = [sources],
        }).Run();

        Assert.Empty(outcome.CompileProblems);
        Assert.Equal(
            "kube-auto,kube-prod,gke-eu-1|https://127.0.0.1:1/kube-auto/|https://127.0.0.1:1/gke-eu-1/|kube-auto,kube-prod,gke-eu-1|https://127.0.0.1:1/kube-prod/",
            CompiledAssembly.Invoke(outcome.Output, "Probe", "Run"));
    }

    [Fact]
    public void AccessorOfAConnectorNotRegisteredThrowsInvalidOperation()
    {
        const string probe = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            public static class Probe
            {
                public static object Run() => new ServiceCollection().BuildServiceProvider().GetKubeAutoClient();
            }
            """;
        var outcome = (Samples.Component("kube-auto") with
        {
            References = TestReferences.ComponentWithoutRuntime,
            Sources = [probe, "namespace Microsoft.Extensions.Hosting { public static class R { public static IHostApplicationBuilder AddKubernetesConnectorClient(this IHostApplicationBuilder b, string n) => b; } }"],
        }).Run();

        Assert.Empty(outcome.CompileProblems);
        Assert.Throws<InvalidOperationException>(() => CompiledAssembly.Invoke(outcome.Output, "Probe", "Run"));
    }

    [SkippableFact]
    public void ComponentRunsAgainstTheRealRuntime()
    {
        var runtime = System.Reflection.Assembly.Load("Connectors.Kubernetes");
        var hasClientApi = runtime.GetExportedTypes().Any(type => type.GetMethods().Any(method => method.Name == "AddKubernetesConnectorClient"));
        Skip.IfNot(hasClientApi, "The runtime does not define AddKubernetesConnectorClient yet (issue 5).");

        // The connection strings point at loopback and are never contacted: building a client does not connect.
        const string probe = """
            using Microsoft.Extensions.Hosting;
            public static class Probe
            {
                public static string Run()
                {
                    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                    builder.Configuration["ConnectionStrings:kube-auto"] = "Server=https://127.0.0.1:6443;AuthMethod=token;Token=not-a-real-token";
                    builder.Configuration["ConnectionStrings:kube-prod"] = "Server=https://localhost:6444;AuthMethod=token;Token=";
                    builder.AddKubernetesConnectors();
                    using var host = builder.Build();
                    return string.Join("|", host.Services.GetKubeAutoClient().BaseUri, host.Services.GetKubeProdClient().BaseUri,
                        host.Services.GetKubeAutoConnector().Name, host.Services.GetKubeProdConnector().Name);
                }
            }
            """;
        var outcome = (Samples.Component("kube-auto", "kube-prod") with { Sources = [probe] }).Run();

        Assert.Empty(outcome.CompileProblems);
        Assert.Equal("https://127.0.0.1:6443/|https://localhost:6444/|kube-auto|kube-prod", CompiledAssembly.Invoke(outcome.Output, "Probe", "Run"));
    }

    [Fact]
    public void EveryGeneratedMemberIsDocumented()
    {
        // CS1591 (missing XML comment) is reported only with documentation mode on, as in src/.
        var outcome = (Samples.Component("kube-auto") with
        {
            DeclaredManifest = Manifest.Declared(Samples.KubeProd),
            Sources = [.. Samples.ConnectorInterfaceIfMissing, "namespace Microsoft.Extensions.Hosting { /// <summary>x</summary>\npublic static class R { /// <summary>x</summary>\npublic static IHostApplicationBuilder AddKubernetesConnectorClient(this IHostApplicationBuilder b, string n) => b; } }"],
            References = TestReferences.ComponentWithoutRuntime,
        }).Run();
        var documented = outcome.Output.SyntaxTrees
            .Select(tree => tree.WithRootAndOptions(tree.GetRoot(), ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)tree.Options).WithDocumentationMode(DocumentationMode.Diagnose)))
            .ToArray();
        var compilation = outcome.Output.RemoveAllSyntaxTrees().AddSyntaxTrees(documented)
            .WithOptions(outcome.Output.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Error }));

        Assert.Equal(3, outcome.Sources.Count); // the Aspire layer's types are internal: AspireLayerCompilesAgainstAspire covers it
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void AspireLayerCompilesAgainstAspireAndTakesTheGeneratedDeclarations()
    {
        // The layer as an Aspire app host gets it, compiled against the API-only Aspire.Hosting stand-in (eng/).
        const string appHost = """
            using Aspire.Hosting;
            using Aspire.Hosting.ApplicationModel;
            public static class Probe
            {
                public static void Declare(IDistributedApplicationBuilder builder)
                {
                    IResourceBuilder<KubernetesConnectorResource> prod = builder.AddKubernetesConnector(KubernetesConnectorDeclarations.KubeProd);
                    var dev = builder.AddKubernetesConnector(KubernetesConnectorDeclarations.KubeDev);
                    var code = builder.AddKubernetesConnector("kube-code").WithServer("https://code.example.test").WithTokenAuth().WithNamespace("ml");
                }
            }
            """;
        var outcome = (Samples.AppHost(Samples.KubeProd, Samples.KubeDev, Samples.KubeBasic) with { Sources = [appHost], References = TestReferences.AspireAppHost }).Run();

        Assert.Contains(HintNames.AspireLayer, outcome.Sources.Keys);
        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(outcome.CompileProblems);
    }

    [Fact]
    public void WithoutAspireTheLayerIsNotEmittedAndNothingBreaks()
    {
        var outcome = (Samples.AppHost(Samples.KubeProd) with { References = TestReferences.Component }).Run();

        Assert.DoesNotContain(HintNames.AspireLayer, outcome.Sources.Keys);
        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(outcome.CompileProblems);
    }
}
