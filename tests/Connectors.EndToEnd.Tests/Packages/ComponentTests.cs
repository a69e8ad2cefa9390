using System.Xml.Linq;
using Connectors.EndToEnd.Tests.Support;
using Connectors.Kubernetes.Testing;

namespace Connectors.EndToEnd.Tests.Packages;

/// <summary>
/// A component made as a user makes one: <c>dotnet new console</c>, <c>dotnet add package Connectors.Kubernetes</c>
/// from the feed (and Microsoft.Extensions.Hosting from the machine's sources), one
/// <c>&lt;KubernetesConnectorReference Include="kube-auto" /&gt;</c>, and a Program.cs written only against the
/// generated surface. It compiles only if the generator ran in the user's build, and it lists the namespaces of a
/// loopback cluster whose connection string reaches it the way an Aspire app host hands it over: the environment.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ComponentTests(LocalPackageFeed feed)
{
    private const string Program = """
        using k8s;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;

        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddKubernetesConnectors();
        using var host = builder.Build();
        await host.StartAsync();

        Console.WriteLine($"required: {string.Join(",", KubernetesConnectors.All)} first: {KubernetesConnectors.KubeAuto}");
        var namespaces = await host.Services.GetKubeAutoClient().CoreV1.ListNamespaceAsync();
        foreach (var item in namespaces.Items)
        {
            Console.WriteLine("namespace " + item.Metadata.Name);
        }

        var verification = await host.Services.GetKubeAutoConnector().VerifyAsync();
        Console.WriteLine($"verified {verification.Succeeded} as {verification.Identity?.Username}");
        await host.StopAsync();
        """;

    [Fact]
    public async Task A_fresh_component_uses_the_generated_accessors_to_list_loopback_namespaces()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new() { Namespaces = { "ml" } });
        var identity = server.Identities.AddToken("e2e-component-user");
        using var sandbox = new Sandbox(feed);
        var project = await sandbox.NewProjectAsync("console", "Component", "Connectors.Kubernetes");
        (await sandbox.DotnetAsync("Component", "add", "package", "Microsoft.Extensions.Hosting", "--version", HostingVersion())).EnsureSuccess();
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", """
              <ItemGroup>
                <KubernetesConnectorReference Include="kube-auto" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        sandbox.Write("Component/Program.cs", Program);

        var built = (await sandbox.DotnetAsync("Component", "build", "-nologo")).EnsureSuccess();
        Assert.DoesNotMatch(@"(error|warning) (KC|CS)\d{4}", built.Output);

        // The connection string an app host's WithReference(kube) sets, in README's documented form, in the environment only.
        var certificateAuthority = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(server.CertificateAuthorityPem));
        sandbox.SetEnvironment(
            "ConnectionStrings__kube-auto",
            $"Server={server.Url.GetLeftPart(UriPartial.Authority)};AuthMethod=token;Token={identity.Token};CertificateAuthorityData={certificateAuthority}");
        var ran = await sandbox.DotnetAsync("Component", "run", "--no-build");

        Assert.True(ran.ExitCode == 0, ran.Output);
        Assert.Contains("required: kube-auto first: kube-auto", ran.Output, StringComparison.Ordinal);
        Assert.Contains("namespace default", ran.Output, StringComparison.Ordinal);
        Assert.Contains("namespace kube-system", ran.Output, StringComparison.Ordinal);
        Assert.Contains("namespace ml", ran.Output, StringComparison.Ordinal);
        Assert.Contains("verified True as e2e-component-user", ran.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Token!, ran.Output, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Path == "/api/v1/namespaces" && r.User == identity.UserName);

        // The accessors exist because the generator made them from the item: a misspelt one is a compile error.
        sandbox.Write("Component/Program.cs", Program.Replace("GetKubeAutoClient()", "GetKubeAtuoClient()", StringComparison.Ordinal));
        var misspelt = await sandbox.DotnetAsync("Component", "build", "-nologo");
        Assert.NotEqual(0, misspelt.ExitCode);
        Assert.Matches(@"Program\.cs\(\d+,\d+\): error CS1061: .*'GetKubeAtuoClient'", misspelt.Output);
    }

    /// <summary>The Microsoft.Extensions.Hosting version this repository uses (so the machine's sources hold it).</summary>
    private static string HostingVersion()
    {
        var props = XDocument.Load(Repository.File("Directory.Packages.props"));
        return props.Descendants("MicrosoftExtensionsVersion").Single().Value;
    }
}
