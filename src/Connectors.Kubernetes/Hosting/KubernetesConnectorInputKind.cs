namespace Connectors.Kubernetes.Hosting;

/// <summary>Where the app host takes one connector field from.</summary>
public enum KubernetesConnectorInputKind
{
    /// <summary>An Aspire parameter, by name: the value lives in user secrets, environment or any configuration source.</summary>
    Parameter,

    /// <summary>
    /// Certificate material written in the declaration: PEM text, base64 of PEM or DER, or a path to a file
    /// (relative to the app host directory). Never a secret: a client key may only be a path.
    /// </summary>
    Material,
}
