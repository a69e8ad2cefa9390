using System.Text;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// A connection string (or one connection property) as a sequence of literal text, parameter references
/// and values resolved at start. The Aspire layer turns it into a <c>ReferenceExpression</c> one part at a
/// time; everything else about it — which keys, in which order, quoted how — is decided here.
/// </summary>
public sealed class KubernetesConnectionExpression
{
    internal KubernetesConnectionExpression(IReadOnlyList<KubernetesExpressionPart> parts) => Parts = parts;

    /// <summary>The parts, in order; adjacent literals are merged.</summary>
    public IReadOnlyList<KubernetesExpressionPart> Parts { get; }

    /// <summary>
    /// The expression as Aspire writes it into a manifest: parameters as <c>{name.value}</c>. Throws when
    /// a part can only be resolved at start (run mode only).
    /// </summary>
    /// <returns>The manifest expression.</returns>
    /// <exception cref="InvalidOperationException">The expression has a part resolved at start.</exception>
    public string ToManifestExpression()
    {
        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            _ = part.Kind switch
            {
                KubernetesExpressionPartKind.Literal => builder.Append(part.Text),
                KubernetesExpressionPartKind.Parameter => builder.Append('{').Append(part.Text).Append(".value}"),
                _ => throw new InvalidOperationException("The expression holds a value known only when the app host runs ('" + part.Text + "'); it has no manifest form."),
            };
        }

        return builder.ToString();
    }

    /// <summary>Computes the value, asking <paramref name="resolve"/> for every non-literal part.</summary>
    /// <param name="resolve">Gives the value of a parameter or resolved part.</param>
    /// <returns>The value. It may hold secrets: never log it.</returns>
    public string Evaluate(Func<KubernetesExpressionPart, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            builder.Append(part.Kind == KubernetesExpressionPartKind.Literal ? part.Text : resolve(part));
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            _ = part.Kind switch
            {
                KubernetesExpressionPartKind.Literal => builder.Append(part.Text),
                KubernetesExpressionPartKind.Parameter => builder.Append('{').Append(part.Text).Append('}'),
                _ => builder.Append("{resolved:").Append(part.Text).Append('}'),
            };
        }

        return builder.ToString();
    }
}
