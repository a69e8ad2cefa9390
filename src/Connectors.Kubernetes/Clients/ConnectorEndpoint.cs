using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Where one connector's requests go and how its TLS is set up, resolved once from the spec:
/// the server, the trusted authorities, the name the certificate must carry (also sent as SNI),
/// the client certificate, and whether verification is switched off.
/// </summary>
internal sealed record ConnectorEndpoint(
    Uri Server,
    X509Certificate2Collection? Authorities,
    string? TlsServerName,
    bool InsecureSkipTlsVerify,
    SslStreamCertificateContext? ClientCertificate)
{
    /// <summary>True for <c>https://</c> servers; credentials are only ever sent to those.</summary>
    public bool IsTls => Server.Scheme == Uri.UriSchemeHttps;

    /// <summary>The name checked in the server certificate and sent as SNI.</summary>
    public string ExpectedHost => string.IsNullOrEmpty(TlsServerName) ? Server.IdnHost : TlsServerName;
}
