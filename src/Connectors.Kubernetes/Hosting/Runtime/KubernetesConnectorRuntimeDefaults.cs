using Connectors.Kubernetes.Clients;
using Connectors.Kubernetes.Login;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// The library's implementations behind <see cref="KubernetesConnectorRuntimeOptions.Verify"/> and
/// <see cref="KubernetesConnectorRuntimeOptions.KubectlLogin"/>: the same verify and kubectl login the
/// <c>dotnet connector</c> tool runs, so the dashboard and the tool never disagree about a connector.
/// </summary>
internal static class KubernetesConnectorRuntimeDefaults
{
    /// <summary>
    /// Verifies with a client made for this one check (<c>/version</c>, then who-am-I). A client per check
    /// rather than one kept open: health checks are minutes apart, and the app host itself sends nothing
    /// else to the cluster, so a pooled connection would only sit idle.
    /// </summary>
    public static async Task<KubernetesConnectorVerification> VerifyAsync(KubernetesConnectorSpec settings, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var client = KubernetesConnectorClient.Create(settings, new KubernetesConnectorClientOptions { TimeProvider = timeProvider });
        var result = await client.VerifyAsync(cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? new KubernetesConnectorVerification(true, Identity: result.Identity?.Username)
            : new KubernetesConnectorVerification(false, Code: result.Code, Message: result.Message);
    }

    /// <summary>Writes the connector's cluster, user and context into the local kubeconfig with kubectl's rules.</summary>
    public static Task LoginAsync(KubernetesConnectorSpec settings, KubeconfigLoginOptions? options, CancellationToken cancellationToken) =>
        KubeconfigLogin.LoginAsync(settings, options, cancellationToken);
}
