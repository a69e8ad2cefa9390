namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Given to each <see cref="k8s.Kubernetes"/> instance as its outermost handler: it sends every
/// request into the connector's one shared chain instead of the instance's own connection pool
/// (which therefore never opens a connection). Disposing the instance does not touch the chain.
/// </summary>
internal sealed class SharedChainHandler(HttpMessageInvoker chain) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        chain.SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        chain.Send(request, cancellationToken);
}
