namespace Connectors.Kubernetes.Testing.Api;

/// <summary>One resource kind the server serves, as discovery describes it.</summary>
internal sealed record ApiResource(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Subresources,
    bool HasStatus)
{
    public string GroupVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The resource as errors name it: <c>pods</c>, <c>deployments.apps</c>.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : Plural + "." + Group;

    public override string ToString() => QualifiedName;
}
