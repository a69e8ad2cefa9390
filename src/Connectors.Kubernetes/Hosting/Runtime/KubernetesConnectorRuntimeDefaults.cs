using Connectors.Kubernetes.Clients;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// The library's implementation behind <see cref="KubernetesConnectorRuntimeOptions.Verify"/>: the same verify
/// the <c>dotnet connector</c> tool runs, so the dashboard and the tool never disagree about a connector.
/// </summary>
internal static class KubernetesConnectorRuntimeDefaults
{
    /// <summary>
    /// Verifies with a client made for this one check (<c>/version</c>, then who-am-I). A client per check
    /// rather than one kept open: the app host sends nothing else to the cluster, so between health checks a
    /// pooled connection would only sit idle, and each check proves a fresh connection (TLS included).
    /// </summary>
    public static async Task<KubernetesConnectorVerification> VerifyAsync(KubernetesConnectorSpec settings, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var client = KubernetesConnectorClient.Create(settings, new KubernetesConnectorClientOptions { TimeProvider = timeProvider });
        var result = await client.VerifyAsync(cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? new KubernetesConnectorVerification(true, Identity: result.Identity?.Username)
            : new KubernetesConnectorVerification(false, Code: result.Code, Message: result.Message);
    }
}
