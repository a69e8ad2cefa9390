namespace Connectors.Kubernetes.Credentials;

/// <summary>
/// Supplies the credential for each request of one connector and, when the server rejects it,
/// a fresh one. Implementations are thread-safe: every client of a connector shares one source.
/// </summary>
internal interface ICredentialSource : IDisposable
{
    /// <summary>The credential to send now (refreshing it first when it is known to be stale).</summary>
    ValueTask<KubernetesCredential> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called after the server answered 401 to <paramref name="rejected"/>. Returns a credential that
    /// differs from it (the request is then retried once), or null when there is nothing fresher.
    /// </summary>
    ValueTask<KubernetesCredential?> RefreshAsync(KubernetesCredential rejected, CancellationToken cancellationToken);
}
