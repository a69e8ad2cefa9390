namespace Connectors.Kubernetes.Credentials;

/// <summary>A credential fixed for the connector's lifetime (token, basic auth, or none).</summary>
internal sealed class StaticCredentialSource(KubernetesCredential credential) : ICredentialSource
{
    public ValueTask<KubernetesCredential> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credential);

    // A fixed secret cannot get fresher: the 401 stands.
    public ValueTask<KubernetesCredential?> RefreshAsync(KubernetesCredential rejected, CancellationToken cancellationToken) =>
        ValueTask.FromResult<KubernetesCredential?>(null);

    public void Dispose()
    {
    }
}
