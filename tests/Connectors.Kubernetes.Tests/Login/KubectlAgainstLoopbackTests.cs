using Connectors.Kubernetes.Login;
using Connectors.Kubernetes.Testing;
using Connectors.Kubernetes.Tests.Clients;
using Connectors.Tests.Shared;

namespace Connectors.Kubernetes.Tests.Login;

public sealed class KubectlAgainstLoopbackTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private LoopbackKubernetesServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackKubernetesServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    public static TheoryData<string> Kinds => ["token", "basic", "certificate"];

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public async Task Kubectl_uses_the_written_kubeconfig_to_reach_the_cluster_as_the_connectors_identity(string kind)
    {
        Skip.IfNot(Kubectl.IsAvailable, "kubectl is not installed");
        var identity = kind switch
        {
            "token" => _server.Identities.AddToken("kubectl-token", rules: [LoopbackAccessRule.All]),
            "basic" => _server.Identities.AddBasic("kubectl-basic", rules: [LoopbackAccessRule.All]),
            _ => _server.Identities.AddClientCertificate("kubectl-cert", rules: [LoopbackAccessRule.All]),
        };
        var path = _temp.File("config");
        var result = await KubeconfigLogin.LoginAsync(LoopbackSpecs.For(_server, identity, "kube-loop"), new KubeconfigLoginOptions { KubeconfigPath = path });

        var (exit, output, error) = await Kubectl.RunAsync(path, "get", "namespaces", "-o", "name");

        Assert.True(exit == 0, error);
        Assert.Contains("namespace/kube-system", output);
        Assert.Equal(_server.Options.ClusterName, result.ContextName);
        Assert.Contains(_server.Requests, r => r.User == identity.UserName && r.Path == "/api/v1/namespaces" && r.StatusCode == 200);
    }
}
