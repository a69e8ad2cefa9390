using Connectors.EndToEnd.Tests.Support;
using Connectors.Kubernetes.Testing;

namespace Connectors.EndToEnd.Tests.Packages;

/// <summary>
/// <c>dotnet-connector</c> installed from the feed as a local tool (<c>dotnet new tool-manifest</c>,
/// <c>dotnet tool install</c>) and run as <c>dotnet connector</c> on a fresh app host, with the credentials of
/// a loopback cluster started by the test: the secrets land in user secrets, never on screen or in the project;
/// <c>verify</c> names the identity the cluster sees, <c>login</c> writes a throwaway kubeconfig the real kubectl uses and <c>logout</c> takes it out again.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ConnectorToolTests(LocalPackageFeed feed)
{
    [Fact]
    public async Task The_local_tool_lists_types_registers_auto_configures_describes_verifies_and_logs_kubectl_in()
    {
        await using var server = await LoopbackKubernetesServer.StartAsync(new() { Namespaces = { "ml" } });
        var identity = server.Identities.AddToken("e2e-tool-user");
        using var sandbox = new Sandbox(feed);
        var project = await sandbox.NewProjectAsync("console", "AppHost");
        (await sandbox.DotnetAsync(".", "new", "tool-manifest")).EnsureSuccess();
        (await sandbox.DotnetAsync(".", "tool", "install", "dotnet-connector", "--version", feed.Version, "--add-source", feed.Path)).EnsureSuccess();
        AssertThisPlatformsReadyToRunPackageWasInstalled(sandbox);
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

        var verified = await sandbox.DotnetAsync("AppHost", "connector", "verify", "kube-loop");
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains("Connector 'kube-loop' is verified", verified.Output, StringComparison.Ordinal);
        Assert.Contains(identity.UserName, verified.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Token!, verified.Output, StringComparison.Ordinal);

        // Login into a kubeconfig of the sandbox (never the user's), which the real kubectl then uses against loopback.
        var loginKubeconfig = sandbox.Path("login", "config");
        var login = (await sandbox.DotnetAsync("AppHost", "connector", "login", "kube-loop", "--kubeconfig", loginKubeconfig, "--context-name", "e2e-loop")).EnsureSuccess();
        Assert.Contains("The current kubectl context is now 'e2e-loop' (namespace 'ml')", login.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Token!, login.Output, StringComparison.Ordinal);
        Assert.Contains(server.Url.GetLeftPart(UriPartial.Authority), File.ReadAllText(loginKubeconfig), StringComparison.Ordinal);
        if (Kubectl() is { } kubectl)
        {
            var context = (await sandbox.RunAsync(kubectl, ".", "--kubeconfig", loginKubeconfig, "config", "current-context")).EnsureSuccess();
            Assert.Equal("e2e-loop", context.Output.Trim());
            bool ListedByKubectl(LoopbackRequest r) => r.Path == "/api/v1/namespaces" && r.User == identity.UserName;
            var listedBefore = server.Requests.Count(ListedByKubectl);
            var namespaces = (await sandbox.RunAsync(kubectl, ".", "--kubeconfig", loginKubeconfig, "get", "ns", "-o", "name")).EnsureSuccess();
            Assert.Contains("namespace/ml", namespaces.Output, StringComparison.Ordinal);
            Assert.Contains("namespace/kube-system", namespaces.Output, StringComparison.Ordinal);
            Assert.True(server.Requests.Count(ListedByKubectl) > listedBefore, "kubectl did not list namespaces as the connector's user");
        }

        var logout = (await sandbox.DotnetAsync("AppHost", "connector", "logout", "kube-loop", "--kubeconfig", loginKubeconfig, "--context-name", "e2e-loop")).EnsureSuccess();
        Assert.Contains("Removed 3 of the cluster, user and context named 'e2e-loop'", logout.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("e2e-loop", File.ReadAllText(loginKubeconfig), StringComparison.Ordinal);

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

        // The cluster stops accepting the registered token: verify fails with the documented exit code 6.
        var registeredToken = identity.Token!;
        var rotatedToken = identity.RotateToken();
        var refused = await sandbox.DotnetAsync("AppHost", "connector", "verify", "kube-loop");
        Assert.True(refused.ExitCode == 6, refused.Output);
        Assert.Matches(@"KC5\d{3}", refused.Output);
        Assert.DoesNotContain(registeredToken, refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(rotatedToken, refused.Output, StringComparison.Ordinal);
    }

    /// <summary>kubectl's path when it is installed (CI installs it; see README).</summary>
    private static string? Kubectl() =>
        new[] { "/usr/local/bin/kubectl", "/usr/bin/kubectl" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// The tool ships as .NET 10 RID-specific packages behind a top-level one: a ReadyToRun build per common
    /// platform (its cold start is a measured goal) and a plain 'any' build for the rest.
    /// </summary>
    private void AssertThisPlatformsReadyToRunPackageWasInstalled(Sandbox sandbox)
    {
        Assert.True(File.Exists(System.IO.Path.Combine(feed.Path, $"dotnet-connector.any.{feed.Version}.nupkg")), "no 'any' fallback package in the feed");
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        if (rid is not ("linux-x64" or "linux-arm64" or "osx-arm64" or "win-x64"))
        {
            return;
        }

        var installed = sandbox.Path("packages", "dotnet-connector." + rid, feed.Version.ToLowerInvariant());
        var tool = Directory.GetFiles(installed, "dotnet-connector.dll", SearchOption.AllDirectories).Single();
        using var image = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(tool));
        Assert.True(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, tool + " is not ReadyToRun-compiled");
    }
}
