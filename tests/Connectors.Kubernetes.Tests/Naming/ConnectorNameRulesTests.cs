using Connectors.Kubernetes.Naming;

namespace Connectors.Kubernetes.Tests.Naming;

public sealed class ConnectorNameRulesTests
{
    [Theory]
    [InlineData("k")]
    [InlineData("kube-auto")]
    [InlineData("Kube-Prod-2")]
    [InlineData("a1-b2-c3")]
    public void Accepts_valid_names(string name) => Assert.Null(ConnectorNameRules.Explain(name));

    [Fact]
    public void Accepts_exactly_64_characters() => Assert.True(ConnectorNameRules.IsValid(new string('a', 64)));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1kube", "start with an ASCII letter")]
    [InlineData("-kube", "start with an ASCII letter")]
    [InlineData("kube--auto", "'--'")]
    [InlineData("kube-", "end with '-'")]
    [InlineData("kube_auto", "contains '_'")]
    [InlineData("kube.auto", "contains '.'")]
    [InlineData("kübe", "contains '\\u00FC'")]
    public void Rejects_invalid_names_with_reason(string name, string reason)
    {
        var explanation = ConnectorNameRules.Explain(name);
        Assert.NotNull(explanation);
        Assert.Contains(reason, explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_65_characters() => Assert.Contains("longer than 64", ConnectorNameRules.Explain(new string('a', 65)));

    [Fact]
    public void Rejects_null() => Assert.False(ConnectorNameRules.IsValid(null));
}
