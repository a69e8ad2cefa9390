namespace Connectors.Kubernetes.Testing;

/// <summary>
/// One allow rule of the server's simple authorizer: a request is allowed when its verb, resource and
/// namespace each match. <c>"*"</c> matches anything; an empty list also matches anything.
/// </summary>
/// <param name="Verbs">API verbs such as <c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>, <c>update</c>, <c>patch</c>, <c>delete</c>.</param>
/// <param name="Resources">Resource names such as <c>pods</c>, <c>pods/log</c>, <c>deployments</c>; a subresource may be written <c>pods/*</c>.</param>
/// <param name="Namespaces">Namespaces the rule applies to; cluster-scoped requests match only a rule with <c>"*"</c> or no namespaces.</param>
public sealed record LoopbackAccessRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string>? Namespaces = null)
{
    /// <summary>A rule that allows everything (what an identity without rules gets).</summary>
    public static LoopbackAccessRule All { get; } = new(["*"], ["*"], ["*"]);

    /// <summary>Read-only access (<c>get</c>, <c>list</c>, <c>watch</c>) to the given resources, optionally in some namespaces.</summary>
    /// <param name="resources">The resources to read.</param>
    /// <param name="namespaces">The namespaces, or none for every namespace.</param>
    /// <returns>The rule.</returns>
    public static LoopbackAccessRule ReadOnly(IReadOnlyList<string> resources, IReadOnlyList<string>? namespaces = null)
        => new(["get", "list", "watch"], resources, namespaces);

    internal bool Allows(string verb, string resource, string? subresource, string? @namespace)
    {
        return Matches(Verbs, verb)
            && MatchesResource(resource, subresource)
            && (@namespace is null
                ? Namespaces is null || Namespaces.Count == 0 || Namespaces.Contains("*")
                : Matches(Namespaces, @namespace));
    }

    private bool MatchesResource(string resource, string? subresource)
    {
        if (Resources.Count == 0)
        {
            return true;
        }

        var full = subresource is null ? resource : resource + "/" + subresource;
        foreach (var candidate in Resources)
        {
            if (candidate == "*" || string.Equals(candidate, full, StringComparison.Ordinal)
                || (subresource is not null && string.Equals(candidate, resource + "/*", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(IReadOnlyList<string>? allowed, string value)
        => allowed is null || allowed.Count == 0 || allowed.Contains("*") || allowed.Contains(value, StringComparer.Ordinal);
}
