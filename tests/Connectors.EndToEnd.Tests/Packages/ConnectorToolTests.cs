using Connectors.EndToEnd.Tests.Support;
using Connectors.Kubernetes.Testing;

namespace Connectors.EndToEnd.Tests.Packages;

/// <summary>
/// <c>dotnet-connector</c> installed from the feed as a local tool (<c>dotnet new tool-manifest</c>,
/// <c>dotnet tool install</c>) and run as <c>dotnet connector</c> on a fresh app host, with the credentials of
/// a loopback cluster started by the test: the secrets land in user secrets, never on screen or in the project.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ConnectorToolTests(LocalPackageFeed feed)
{
    [Fact]
    public async Task The_local_tool_lists_types_registers_auto_configures_and_describes_loopback_connectors()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new() { Namespaces = { "ml" } });
        var identity = server.Identities.AddToken("e2e");
        using var sandbox = new Sandbox(feed);
        var project = await sandbox.NewProjectAsync("console", "AppHost");
        (await sandbox.DotnetAsync(".", "new", "tool-manifest")).EnsureSuccess();
        (await sandbox.DotnetAsync(".", "tool", "install", "dotnet-connector", "--version", feed.Version, "--add-source", feed.Path)).EnsureSuccess();
        sandbox.Write("AppHost/token.txt", identity.Token!);
        sandbox.Write("AppHost/ca.crt", server.CertificateAuthorityPem);

        var types = (await sandbox.DotnetAsync("AppHost", "connector", "list-types")).EnsureSuccess();
        Assert.Contains("kubernetes-cluster", types.Output, StringComparison.Ordinal);

        var registered = (await sandbox.DotnetAsync("AppHost", "connector", "register", "kube-loop",
            "--server", server.Url.ToString(), "--token", "@token.txt", "--certificate-authority", "ca.crt", "--namespace", "ml")).EnsureSuccess();
        Assert.DoesNotContain(identity.Token!, registered.Output, StringComparison.Ordinal);
        var projectText = File.ReadAllText(project);
        Assert.Contains("<KubernetesConnector Include=\"kube-loop\"", projectText, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Token!, projectText, StringComparison.Ordinal);

        var described = (await sandbox.DotnetAsync("AppHost", "connector", "describe", "kube-loop")).EnsureSuccess();
        Assert.Contains("[HIDDEN]", described.Output, StringComparison.Ordinal);
        Assert.Contains(server.Url.Authority, described.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Token!, described.Output, StringComparison.Ordinal);

        // Auto-configure from a kubeconfig the test wrote (the loopback cluster's, never the user's).
        var auto = server.Identities.AddToken("e2e-auto");
        var kubeconfig = await server.WriteKubeconfigAsync(sandbox.Path("kube", "config"), auto);
        var lifted = (await sandbox.DotnetAsync("AppHost", "connector", "register", "kube-auto", "--auto-configure", "--kubeconfig", kubeconfig)).EnsureSuccess();
        Assert.DoesNotContain(auto.Token!, lifted.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(auto.Token!, File.ReadAllText(project), StringComparison.Ordinal);
        var autoDescribed = (await sandbox.DotnetAsync("AppHost", "connector", "describe", "kube-auto")).EnsureSuccess();
        Assert.Contains(server.Url.Authority, autoDescribed.Output, StringComparison.Ordinal);
        Assert.Contains("[HIDDEN]", autoDescribed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(auto.Token!, autoDescribed.Output, StringComparison.Ordinal);

        var listed = (await sandbox.DotnetAsync("AppHost", "connector", "list", "-o", "json")).EnsureSuccess();
        Assert.Contains("kube-loop", listed.Output, StringComparison.Ordinal);
        Assert.Contains("kube-auto", listed.Output, StringComparison.Ordinal);
    }
}
