using System.Net;
using Connectors.Kubernetes.Credentials;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Puts the connector's credential on each request, and when the server answers 401 asks the
/// credential source for a fresh one and sends the request once more. Nothing is attached to a
/// plain-<c>http://</c> request: a token sent in clear text is a token given away.
/// </summary>
internal sealed class CredentialHandler : DelegatingHandler
{
    private readonly ICredentialSource _source;

    public CredentialHandler(ICredentialSource source, HttpMessageHandler inner)
        : base(inner)
    {
        _source = source;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.Scheme != Uri.UriSchemeHttps)
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var credential = await _source.GetAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = credential.ToAuthorizationHeader();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !CanResend(request))
        {
            return response;
        }

        var fresh = await _source.RefreshAsync(credential, cancellationToken).ConfigureAwait(false);
        if (fresh is null)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = fresh.ToAuthorizationHeader();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // A body that was streamed cannot be sent twice; KubernetesClient's bodies are buffered strings.
    private static bool CanResend(HttpRequestMessage request) =>
        request.Content is null or ByteArrayContent or ReadOnlyMemoryContent;
}
