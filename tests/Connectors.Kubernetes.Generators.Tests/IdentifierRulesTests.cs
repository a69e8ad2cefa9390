using Connectors.Kubernetes.Generators.Parsing;

namespace Connectors.Kubernetes.Generators.Tests;

/// <summary>How connector names become C# identifiers.</summary>
public sealed class IdentifierRulesTests
{
    [Theory]
    [InlineData("kube-auto", "KubeAuto")]
    [InlineData("gke-eu-1", "GkeEu1")]
    [InlineData("a-1-b", "A1B")]
    [InlineData("kubeProd", "KubeProd")]
    [InlineData("k", "K")]
    [InlineData("EKS-prod", "EKSProd")]
    [InlineData("x-2fa", "X2fa")]
    public void PascalCasesTheDashSeparatedParts(string name, string identifier) =>
        Assert.Equal(identifier, IdentifierRules.ToIdentifier(name));

    [Fact]
    public void EveryValidNameGivesAValidNonKeywordIdentifierWithoutUnderscore()
    {
        // Names built from every letter/digit pattern the rule allows, including ones spelling keywords.
        var names = new[] { "class", "int", "namespace", "record", "var", "async", "a-b-c-d", "z9", "q-0-0" }
            .Concat(Enumerable.Range(0, 26).Select(i => ((char)('a' + i)).ToString() + "-" + i));
        foreach (var name in names)
        {
            var identifier = IdentifierRules.ToIdentifier(name);
            Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(identifier), identifier);
            Assert.Equal(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None, Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(identifier));
            Assert.DoesNotContain('_', identifier);
        }
    }
}
