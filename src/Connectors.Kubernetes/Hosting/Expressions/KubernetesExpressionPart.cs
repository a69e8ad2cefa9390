namespace Connectors.Kubernetes.Hosting;

/// <summary>One part of a connection expression.</summary>
/// <param name="Kind">Literal text, a parameter, or a value resolved at start.</param>
/// <param name="Text">The literal text, the parameter name, or the resolved key.</param>
public sealed record KubernetesExpressionPart(KubernetesExpressionPartKind Kind, string Text)
{
    /// <summary>A literal part.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The part.</returns>
    public static KubernetesExpressionPart Literal(string text) => new(KubernetesExpressionPartKind.Literal, text);

    /// <summary>A parameter part.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The part.</returns>
    public static KubernetesExpressionPart Parameter(string name) => new(KubernetesExpressionPartKind.Parameter, name);

    /// <summary>A part resolved when the connector starts.</summary>
    /// <param name="key">The connection key, or <see cref="KubernetesConnectionExpressions.ConnectionStringKey"/>.</param>
    /// <returns>The part.</returns>
    public static KubernetesExpressionPart Resolved(string key) => new(KubernetesExpressionPartKind.Resolved, key);
}
