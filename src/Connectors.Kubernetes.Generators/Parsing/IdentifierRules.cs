using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Connectors.Kubernetes.Generators.Parsing;

/// <summary>How a valid connector name becomes a C# identifier.</summary>
internal static class IdentifierRules
{
    /// <summary>
    /// Pascal-cases the '-'-separated parts of a valid name, keeping the case of the other letters:
    /// <c>kube-auto</c> → <c>KubeAuto</c>, <c>gke-eu-1</c> → <c>GkeEu1</c>, <c>kubeProd</c> → <c>KubeProd</c>.
    /// A valid name starts with a letter, so the result is a valid identifier; it starts with an upper-case
    /// letter, so it is never a C# keyword (all of which are lower-case) — the keyword check is a guard.
    /// The result never contains '_', which is what keeps collision suffixes (<c>_2</c>) unique.
    /// </summary>
    public static string ToIdentifier(string validName)
    {
        var text = new StringBuilder(validName.Length);
        var upperNext = true;
        foreach (var c in validName)
        {
            if (c == '-')
            {
                upperNext = true;
                continue;
            }

            text.Append(upperNext && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c);
            upperNext = false;
        }

        var identifier = text.ToString();
        return IsKeyword(identifier) ? "@" + identifier : identifier;
    }

    private static bool IsKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ||
        SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None;
}
