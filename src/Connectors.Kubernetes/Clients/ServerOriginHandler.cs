using System.Net;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// The last handler before the connection pool. It refuses any request for a host other than the
/// connector's server. For a connector with <c>TlsServerName</c>, whose connections arrive already
/// wrapped in TLS by <see cref="ConnectorConnectionFactory"/>, it hands the pool the request as
/// <c>http://</c> over HTTP/1.1 (so the pool adds no TLS of its own) and puts it back afterwards.
/// </summary>
internal sealed class ServerOriginHandler : DelegatingHandler
{
    private readonly ConnectorEndpoint _endpoint;
    private readonly bool _connectionsOwnTls;

    public ServerOriginHandler(ConnectorEndpoint endpoint, bool connectionsOwnTls, HttpMessageHandler inner)
        : base(inner)
    {
        _endpoint = endpoint;
        _connectionsOwnTls = connectionsOwnTls;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!IsConnectorOrigin(original))
        {
            throw new KubernetesConnectorException(
                KubernetesClientErrorCodes.ForeignOrigin,
                $"a request for '{original.GetLeftPart(UriPartial.Authority)}' was refused: this client only talks to its connector's server "
                + $"'{_endpoint.Server.GetLeftPart(UriPartial.Authority)}'. Use a client of the connector for that server.");
        }

        if (!_connectionsOwnTls)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var version = request.Version;
        var policy = request.VersionPolicy;
        var host = request.Headers.Host;
        try
        {
            request.RequestUri = new UriBuilder(original) { Scheme = Uri.UriSchemeHttp }.Uri;
            request.Version = HttpVersion.Version11;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
            if (host is null && original.IsDefaultPort)
            {
                // Keep the authority the server would have seen over https (no explicit :443).
                request.Headers.Host = original.Authority;
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.RequestUri = original;
            request.Version = version;
            request.VersionPolicy = policy;
            request.Headers.Host = host;
        }
    }

    private bool IsConnectorOrigin(Uri uri) =>
        string.Equals(uri.Scheme, _endpoint.Server.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, _endpoint.Server.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _endpoint.Server.Port;
}
