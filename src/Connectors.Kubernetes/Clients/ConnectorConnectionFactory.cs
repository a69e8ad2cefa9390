using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Opens the TCP connections of one connector (the <see cref="SocketsHttpHandler.ConnectCallback"/>),
/// counting them. For a connector with <c>TlsServerName</c> it also does the TLS handshake itself:
/// SocketsHttpHandler takes the SNI name from the URL or the Host header, so it could not send
/// <c>TlsServerName</c> as SNI without also changing the Host header the API server sees.
/// </summary>
internal sealed class ConnectorConnectionFactory
{
    private readonly ConnectorEndpoint _endpoint;
    private readonly ServerCertificateValidator _validator;
    private int _opened;

    public ConnectorConnectionFactory(ConnectorEndpoint endpoint, ServerCertificateValidator validator)
    {
        _endpoint = endpoint;
        _validator = validator;
    }

    /// <summary>How many TCP connections this connector has opened so far.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _opened);

    /// <summary>
    /// True when this factory hands the pool finished TLS streams (connectors with <c>TlsServerName</c>);
    /// the pool then sees <c>http://</c> requests and speaks HTTP/1.1, which has no <c>:scheme</c> to contradict.
    /// </summary>
    public bool OwnsTls => _endpoint.IsTls && !string.IsNullOrEmpty(_endpoint.TlsServerName);

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Interlocked.Increment(ref _opened);
        var network = new NetworkStream(socket, ownsSocket: true);
        if (!OwnsTls)
        {
            return network;
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            var options = CreateTlsOptions();
            options.TargetHost = _endpoint.ExpectedHost;
            options.ApplicationProtocols = [SslApplicationProtocol.Http11];
            await tls.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The connector's TLS settings (trust, client certificate), for the pool's own handshakes or ours.</summary>
#pragma warning disable CA5359 // The accept-all callback is only chosen when the connector explicitly sets InsecureSkipTlsVerify (warned as KC1312).
    public SslClientAuthenticationOptions CreateTlsOptions() => new()
    {
        ClientCertificateContext = _endpoint.ClientCertificate,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = _endpoint.InsecureSkipTlsVerify
            ? AcceptAnyCertificate
            : (_, certificate, chain, errors) => _validator.Validate(certificate, chain, errors),
    };

    private static bool AcceptAnyCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
#pragma warning restore CA5359
}
