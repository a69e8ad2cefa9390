using Connectors.Kubernetes.Describe;
using Connectors.Kubernetes.Verification;

namespace Connectors.Kubernetes;

/// <summary>
/// One registered connector, as a component sees it: it can say what it is, prove that its
/// credentials work and refresh them, but it never hands out a credential. Resolve it as a keyed
/// service (key = connector name), next to the keyed <c>k8s.IKubernetes</c> it serves.
/// </summary>
public interface IKubernetesConnector
{
    /// <summary>The connector name (the service key).</summary>
    string Name { get; }

    /// <summary>
    /// The earliest known expiry of the credentials in use (connector <c>ExpiresAt</c>, exec plugin
    /// token, client certificate); <see langword="null"/> when none is known.
    /// </summary>
    DateTimeOffset? ExpiresAt { get; }

    /// <summary>Describes the connector as <c>dotnet connector describe</c> does: what it points at and where each value came from, secrets shown as <c>[HIDDEN]</c>.</summary>
    /// <returns>The description.</returns>
    KubernetesConnectorDescription Describe();

    /// <summary>Proves the credentials against the API server (version, then who the credentials are).</summary>
    /// <param name="cancellationToken">Stops the verification.</param>
    /// <returns>The outcome; a failed check is a result, not an exception.</returns>
    Task<KubernetesVerificationResult> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Fetches fresh credentials now (re-reads the token file, re-runs the exec plugin). Clients already
    /// injected use them from their next request; nothing needs to be resolved again.
    /// </summary>
    /// <param name="cancellationToken">Stops the refresh.</param>
    /// <returns><see langword="true"/> when the credentials changed.</returns>
    /// <exception cref="KubernetesConnectorException">The credentials could not be obtained (KC115x).</exception>
    Task<bool> RefreshAsync(CancellationToken cancellationToken = default);
}
