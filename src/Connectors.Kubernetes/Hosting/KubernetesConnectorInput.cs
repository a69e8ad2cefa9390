namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// One connector field as the app host declares it: an Aspire parameter name, or certificate material
/// (PEM, base64 or a file path). It never holds a secret value, so it can be shown and logged.
/// </summary>
/// <param name="Kind">Where the value comes from.</param>
/// <param name="Text">The parameter name, or the material (PEM text, base64 or a path).</param>
public sealed record KubernetesConnectorInput(KubernetesConnectorInputKind Kind, string Text)
{
    /// <summary>The field's value is the Aspire parameter named <paramref name="name"/>.</summary>
    /// <param name="name">The parameter name, e.g. <c>kube-prod-token</c>.</param>
    /// <returns>The input.</returns>
    public static KubernetesConnectorInput Parameter(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new KubernetesConnectorInput(KubernetesConnectorInputKind.Parameter, name);
    }

    /// <summary>The field's value is certificate material: PEM text, base64 of PEM or DER, or a file path.</summary>
    /// <param name="material">The material or a path relative to the app host directory.</param>
    /// <returns>The input.</returns>
    public static KubernetesConnectorInput Material(string material)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(material);
        return new KubernetesConnectorInput(KubernetesConnectorInputKind.Material, material);
    }

    /// <summary>Whether this input is an Aspire parameter.</summary>
    public bool IsParameter => Kind == KubernetesConnectorInputKind.Parameter;

    /// <inheritdoc />
    public override string ToString() => Kind == KubernetesConnectorInputKind.Parameter ? "parameter " + Text : "material";
}
