using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Connectors.Kubernetes.Clients;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Connectors.Kubernetes.Verification;

/// <summary>
/// Proves a connector's credentials, not just that its server answers: it reads <c>/version</c>, then
/// asks the server who the credentials are (<c>SelfSubjectReview</c>; on servers without it, a
/// <c>SelfSubjectAccessReview</c>, which still needs accepted credentials). Every failure comes back
/// as a classified, coded result within the configured timeout — never as an exception.
/// </summary>
public static class KubernetesVerifier
{
    /// <summary>Verifies one connector through its client.</summary>
    /// <param name="client">The connector's client.</param>
    /// <param name="cancellationToken">Stops the verification (the result is then a timeout).</param>
    /// <returns>The outcome.</returns>
    public static async Task<KubernetesVerificationResult> VerifyAsync(KubernetesConnectorClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var spec = client.Spec;
        var time = client.Options.TimeProvider;
        var started = time.GetTimestamp();
        var expiresAt = EarliestExpiry(spec.ExpiresAt, client.Transport.Endpoint.ClientCertificate?.TargetCertificate.NotAfter);
        var result = new KubernetesVerificationResult
        {
            ConnectorName = spec.Name,
            ResourceName = spec.EffectiveClusterName,
            Server = client.Transport.Endpoint.Server.GetLeftPart(UriPartial.Authority),
            ExpiresAt = expiresAt,
        };

        if (expiresAt is { } expiry && expiry <= time.GetUtcNow())
        {
            return Fail(result, KubernetesVerificationFailure.Expired, KubernetesClientErrorCodes.Expired,
                $"the credentials expired at {expiry:u}. Issue new credentials (a fresh token or certificate) and update the connector.");
        }

        if (!client.Transport.Endpoint.IsTls && HasCredentials(spec))
        {
            return Fail(result, KubernetesVerificationFailure.InsecureTransport, KubernetesClientErrorCodes.PlainHttpServer,
                $"the server {result.Server} is plain http://, so the connector's credentials are never sent to it. Use the server's https:// URL.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(client.Options.VerifyTimeout);
        try
        {
            var kubernetes = client.Client;
            var version = await kubernetes.Version.GetCodeAsync(timeout.Token).ConfigureAwait(false);
            var (identity, provenBy) = await ReviewSelfAsync(kubernetes, timeout.Token).ConfigureAwait(false);
            var credential = await client.Transport.Credentials.GetAsync(timeout.Token).ConfigureAwait(false);
            return result with
            {
                ServerVersion = version?.GitVersion,
                Identity = identity,
                ProvenBy = provenBy,
                ExpiresAt = EarliestExpiry(expiresAt, credential.ExpiresAt),
                Latency = time.GetElapsedTime(started),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            return Classify(result, e, client, timeout.IsCancellationRequested) with { Latency = time.GetElapsedTime(started) };
        }
    }

    /// <summary>Verifies several connectors at once; each gets its own timeout, and the results come back in input order.</summary>
    /// <param name="clients">The connectors' clients.</param>
    /// <param name="cancellationToken">Stops every verification.</param>
    /// <returns>One result per client.</returns>
    public static Task<KubernetesVerificationResult[]> VerifyAllAsync(IEnumerable<KubernetesConnectorClient> clients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clients);
        return Task.WhenAll(clients.Select(c => Task.Run(() => VerifyAsync(c, cancellationToken), cancellationToken)));
    }

    /// <summary>
    /// Builds a client for each spec, verifies them all concurrently and disposes the clients. A spec
    /// whose TLS material cannot even be loaded yields a failed result rather than an exception.
    /// </summary>
    /// <param name="specs">The connectors.</param>
    /// <param name="options">Client tuning (timeouts, logging) shared by all.</param>
    /// <param name="cancellationToken">Stops every verification.</param>
    /// <returns>One result per spec, in input order.</returns>
    public static Task<KubernetesVerificationResult[]> VerifyAllAsync(
        IEnumerable<KubernetesConnectorSpec> specs, KubernetesConnectorClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specs);
        return Task.WhenAll(specs.Select(spec => Task.Run(async () =>
        {
            KubernetesConnectorClient client;
            try
            {
                client = KubernetesConnectorClient.Create(spec, options);
            }
            catch (KubernetesConnectorException e)
            {
                return new KubernetesVerificationResult
                {
                    ConnectorName = spec.Name,
                    ResourceName = spec.EffectiveClusterName,
                    Server = spec.Server,
                    Failure = KubernetesVerificationFailure.Credentials,
                    Code = e.Code,
                    Message = $"Connector '{spec.Name}': {e.Message}",
                };
            }

            using (client)
            {
                return await VerifyAsync(client, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken)));
    }

    private static async Task<(KubernetesIdentity? Identity, string ProvenBy)> ReviewSelfAsync(IKubernetes kubernetes, CancellationToken cancellationToken)
    {
        try
        {
            var review = await kubernetes.AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview(), cancellationToken: cancellationToken).ConfigureAwait(false);
            var user = review?.Status?.UserInfo;
            return (new KubernetesIdentity(user?.Username ?? string.Empty, user?.Groups?.ToArray() ?? [], user?.Uid), "SelfSubjectReview");
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            // Servers before 1.28 have no authentication.k8s.io/v1 SelfSubjectReview; an access
            // review still needs accepted credentials, though it cannot say who they are.
            var access = new V1SelfSubjectAccessReview
            {
                Spec = new V1SelfSubjectAccessReviewSpec
                {
                    ResourceAttributes = new V1ResourceAttributes { Verb = "get", Resource = "namespaces" },
                },
            };
            await kubernetes.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(access, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (null, "SelfSubjectAccessReview");
        }
    }

    private static KubernetesVerificationResult Classify(KubernetesVerificationResult result, Exception error, KubernetesConnectorClient client, bool timedOut)
    {
        var server = result.Server;
        if (timedOut || Find<TimeoutException>(error) is not null)
        {
            return Fail(result, KubernetesVerificationFailure.Timeout, KubernetesClientErrorCodes.Timeout,
                $"{server} did not answer within {client.Options.VerifyTimeout.TotalSeconds:0.#} s. Check the server is up and reachable from here (VPN, firewall), or raise the verify timeout.");
        }

        switch (error)
        {
            case KubernetesConnectorException coded:
                return Fail(result, KubernetesVerificationFailure.Credentials, coded.Code, coded.Message, prefixCode: false);
            case HttpOperationException { Response.StatusCode: HttpStatusCode.Unauthorized }:
                return Fail(result, KubernetesVerificationFailure.Unauthorized, KubernetesClientErrorCodes.Unauthorized,
                    $"{server} rejected the credentials (401 Unauthorized). The token, password or client certificate is wrong, revoked or expired: issue new credentials and update the connector.");
            case HttpOperationException { Response.StatusCode: HttpStatusCode.Forbidden }:
                return Fail(result, KubernetesVerificationFailure.Forbidden, KubernetesClientErrorCodes.Forbidden,
                    $"{server} accepted the credentials but refused them a self review (403 Forbidden). Grant the identity the standard 'system:basic-user' role, or use credentials of an identity that has it.");
            case HttpOperationException { Response.StatusCode: >= HttpStatusCode.InternalServerError } http:
                // API servers do answer 5xx (overloaded, etcd unavailable, a webhook timing out): not a wrong URL.
                return Fail(result, KubernetesVerificationFailure.UnexpectedResponse, KubernetesClientErrorCodes.UnexpectedResponse,
                    $"{server} answered {(int)http.Response.StatusCode} {http.Response.StatusCode}, a server error: the API server (or a proxy in front of it) is failing or overloaded. Verify again later; if it persists, check the control plane's health.");
            case HttpOperationException http:
                return Fail(result, KubernetesVerificationFailure.UnexpectedResponse, KubernetesClientErrorCodes.UnexpectedResponse,
                    $"{server} answered {(int)http.Response.StatusCode} {http.Response.StatusCode}, which a Kubernetes API server does not. Check Server points at the API server (not a dashboard or proxy).");
        }

        if (Find<AuthenticationException>(error) is not null)
        {
            return ClassifyTls(result, client);
        }

        if (IsConnectionCut(error))
        {
            return Fail(result, KubernetesVerificationFailure.Unreachable, KubernetesClientErrorCodes.Unreachable,
                $"{server} cut the connection before answering ({Describe(error)}). A proxy or load balancer may have dropped it, or the server restarted: verify again, and if it persists check the path to the server.");
        }

        if (error is HttpRequestException request
            && request.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            || Find<SocketException>(error) is not null)
        {
            return Fail(result, KubernetesVerificationFailure.Unreachable, KubernetesClientErrorCodes.Unreachable,
                $"{server} could not be reached ({Describe(error)}). Check the server address and port, and that this machine can reach it.");
        }

        return Fail(result, KubernetesVerificationFailure.UnexpectedResponse, KubernetesClientErrorCodes.UnexpectedResponse,
            $"talking to {server} failed ({Describe(error)}). Check Server points at a Kubernetes API server.");
    }

    private static KubernetesVerificationResult ClassifyTls(KubernetesVerificationResult result, KubernetesConnectorClient client)
    {
        var endpoint = client.Transport.Endpoint;
        var reason = client.Transport.Validator.LastFailure;
        var server = result.Server;
        var (code, text) = reason switch
        {
            TlsFailureReason.UntrustedCertificate when endpoint.Authorities is not null => (KubernetesClientErrorCodes.UntrustedCertificate,
                $"the certificate of {server} is not signed by the connector's certificate authority. Set CertificateAuthorityData to this cluster's CA (kubeconfig certificate-authority-data)."),
            TlsFailureReason.UntrustedCertificate => (KubernetesClientErrorCodes.UntrustedCertificate,
                $"the certificate of {server} is not trusted by this machine's root store and the connector has no certificate authority. Set CertificateAuthorityData to the cluster's CA."),
            TlsFailureReason.NameMismatch => (KubernetesClientErrorCodes.CertificateNameMismatch,
                $"the certificate of {server} is not issued for '{endpoint.ExpectedHost}'. Use the server name the certificate was issued for, or set TlsServerName to a name it carries."),
            TlsFailureReason.NotTimeValid => (KubernetesClientErrorCodes.CertificateNotTimeValid,
                $"the certificate of {server} is expired or not yet valid. Renew the server certificate, or check this machine's clock."),
            TlsFailureReason.NoCertificate => (KubernetesClientErrorCodes.TlsHandshakeFailed,
                $"{server} presented no certificate. Check Server points at the API server's TLS port."),
            _ => (KubernetesClientErrorCodes.TlsHandshakeFailed,
                $"the TLS handshake with {server} failed. Check the server expects TLS on this port and, if it requires a client certificate, that the connector has a valid ClientCertificateData and ClientKeyData."),
        };
        return Fail(result, KubernetesVerificationFailure.Tls, code, text) with { TlsFailure = reason };
    }

    private static KubernetesVerificationResult Fail(
        KubernetesVerificationResult result, KubernetesVerificationFailure failure, string code, string message, bool prefixCode = true) =>
        result with
        {
            Failure = failure,
            Code = code,
            Message = prefixCode ? $"{code}: connector '{result.ConnectorName}': {message}" : $"connector '{result.ConnectorName}': {message}",
        };

    // Only exception types and socket error names: messages can quote request details.
    private static string Describe(Exception error)
    {
        var socket = Find<SocketException>(error);
        return socket is not null ? socket.SocketErrorCode.ToString() : (error.InnerException ?? error).GetType().Name;
    }

    // The connection ended mid-request: HTTP/1.1 saw the response end early; HTTP/2 saw the stream
    // reset with INTERNAL_ERROR (0x2) or CANCEL (0x8), what servers send when they abort a request.
    // Other HTTP/2 protocol errors mean the peer does not speak HTTP/2 properly: an unexpected response.
    private static bool IsConnectionCut(Exception error) =>
        error is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }
        || Find<HttpProtocolException>(error) is { ErrorCode: 0x2 or 0x8 };

    private static T? Find<T>(Exception error)
        where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static bool HasCredentials(KubernetesConnectorSpec spec) =>
        spec.AuthMethod == KubernetesAuthMethod.Password
        || spec.Token is { IsEmpty: false }
        || !string.IsNullOrEmpty(spec.TokenFile)
        || spec.Exec is not null
        || spec.ClientKeyData is { IsEmpty: false };

    private static DateTimeOffset? EarliestExpiry(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? EarliestExpiry(DateTimeOffset? a, DateTime? b) =>
        EarliestExpiry(a, b is { } local ? new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero) : null);
}
