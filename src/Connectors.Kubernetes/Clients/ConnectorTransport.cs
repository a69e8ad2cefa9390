using System.Net.Http;
using Connectors.Kubernetes.Credentials;
using Microsoft.Extensions.Logging;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// The one handler chain of a connector, shared by all its clients so connections are reused:
/// credentials → origin check → connection pool (whose connections <see cref="ConnectorConnectionFactory"/> opens).
/// </summary>
internal sealed partial class ConnectorTransport : IDisposable
{
    private readonly SocketsHttpHandler _pool;
    private readonly ConnectorConnectionFactory _connections;

    public ConnectorTransport(ConnectorEndpoint endpoint, ICredentialSource credentials, TimeSpan connectTimeout, ILogger logger)
    {
        Endpoint = endpoint;
        Credentials = credentials;
        Validator = new ServerCertificateValidator(endpoint.Authorities, endpoint.ExpectedHost);
        _connections = new ConnectorConnectionFactory(endpoint, Validator);
        _pool = new SocketsHttpHandler
        {
            ConnectCallback = _connections.ConnectAsync,
            SslOptions = _connections.CreateTlsOptions(),
            ConnectTimeout = connectTimeout,
            // A proxy would see the clear text our own TLS layer hands the pool (TlsServerName): use none, ever, for one behaviour.
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromMinutes(3),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        };
        Invoker = new HttpMessageInvoker(new CredentialHandler(credentials, new ServerOriginHandler(endpoint, _connections.OwnsTls, _pool)), disposeHandler: true);

        if (endpoint.IsTls && endpoint.InsecureSkipTlsVerify)
        {
            LogInsecure(logger, endpoint.Server.GetLeftPart(UriPartial.Authority));
        }
    }

    public ConnectorEndpoint Endpoint { get; }

    public ICredentialSource Credentials { get; }

    public ServerCertificateValidator Validator { get; }

    /// <summary>The entry point of the shared chain.</summary>
    public HttpMessageInvoker Invoker { get; }

    /// <summary>TCP connections opened so far by this connector.</summary>
    public int ConnectionsOpened => _connections.ConnectionsOpened;

    public void Dispose()
    {
        Invoker.Dispose();
        Credentials.Dispose();
        Endpoint.ClientCertificate?.TargetCertificate.Dispose();
    }

    [LoggerMessage(EventId = 1312, Level = LogLevel.Warning,
        Message = "KC1312: InsecureSkipTlsVerify is set for {Server}: its certificate is NOT verified and anyone on the path can impersonate it. Set the cluster's CA instead.")]
    private static partial void LogInsecure(ILogger logger, string server);
}
