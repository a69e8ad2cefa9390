namespace Connectors.Kubernetes.Tests.Model;

public sealed class KubernetesConnectorSpecTests
{
    [Theory]
    [InlineData("https://35.175.95.223", null, "35.175.95.223")]
    [InlineData("https://kube-prod.example.test:6443", null, "kube-prod.example.test")]
    [InlineData("https://kube-prod.example.test:6443/k8s/clusters/c-1", null, "kube-prod.example.test")]
    [InlineData("https://[::1]:6443", null, "::1")]
    [InlineData("https://kube-prod.example.test", "prod", "prod")]
    [InlineData("https://kube-prod.example.test", "  ", "kube-prod.example.test")]
    public void The_effective_cluster_name_is_the_given_name_else_the_server_host(string server, string? clusterName, string expected) =>
        Assert.Equal(expected, new KubernetesConnectorSpec { Name = "k", Server = server, ClusterName = clusterName }.EffectiveClusterName);

    [Theory]
    [InlineData("token", KubernetesAuthMethod.Token)]
    [InlineData(" Password ", KubernetesAuthMethod.Password)]
    [InlineData("TOKEN", KubernetesAuthMethod.Token)]
    public void Auth_method_wire_names_parse_ignoring_case(string text, KubernetesAuthMethod expected)
    {
        Assert.True(KubernetesAuthMethodNames.TryParse(text, out var method));
        Assert.Equal(expected, method);
    }

    [Fact]
    public void Auth_method_wire_names_round_trip()
    {
        Assert.Equal("token", KubernetesAuthMethod.Token.ToWireName());
        Assert.Equal("password", KubernetesAuthMethod.Password.ToWireName());
        Assert.False(KubernetesAuthMethodNames.TryParse("oidc", out _));
        Assert.False(KubernetesAuthMethodNames.TryParse(null, out _));
    }
}
