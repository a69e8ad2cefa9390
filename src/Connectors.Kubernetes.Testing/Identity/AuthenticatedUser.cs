namespace Connectors.Kubernetes.Testing.Identity;

/// <summary>Who a request is from, after authentication.</summary>
/// <param name="UserName">The user name.</param>
/// <param name="Uid">A stable id (empty for anonymous).</param>
/// <param name="Groups">All groups, including the <c>system:</c> ones the API server adds.</param>
/// <param name="Rules">Allow rules; <see langword="null"/> means everything.</param>
internal sealed record AuthenticatedUser(string UserName, string Uid, IReadOnlyList<string> Groups, IReadOnlyList<LoopbackAccessRule>? Rules)
{
    public static AuthenticatedUser Anonymous { get; } = new("system:anonymous", string.Empty, ["system:unauthenticated"], []);

    public bool IsAnonymous => ReferenceEquals(this, Anonymous);

    public static AuthenticatedUser From(LoopbackIdentity identity)
        => new(identity.UserName, identity.Uid, [.. identity.Groups, "system:authenticated"], identity.Rules);

    /// <summary>The simple authorizer: resource requests are checked against the rules.</summary>
    public bool Allows(string verb, string resource, string? subresource, string? @namespace)
    {
        if (Rules is null)
        {
            return true;
        }

        foreach (var rule in Rules)
        {
            if (rule.Allows(verb, resource, subresource, @namespace))
            {
                return true;
            }
        }

        return false;
    }
}
