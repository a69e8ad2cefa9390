using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connectors.Kubernetes.Testing.Tls;

/// <summary>
/// The server's private certificate authority: created at start, it signs the serving certificates
/// and the client certificates handed to identities, and checks client certificates on the way in.
/// </summary>
/// <remarks>
/// ECDSA P-256 keys keep start-up cheap (an RSA key costs tens of milliseconds); every TLS stack
/// that matters here (Go's kubectl, .NET's SslStream) accepts them.
/// </remarks>
internal sealed class LoopbackCertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly ECDsa _key;
    private readonly TimeProvider _time;

    private LoopbackCertificateAuthority(ECDsa key, X509Certificate2 certificate, TimeProvider time)
    {
        _key = key;
        Certificate = certificate;
        _time = time;
        CertificatePem = certificate.ExportCertificatePem();
    }

    /// <summary>The CA certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA certificate as PEM text.</summary>
    public string CertificatePem { get; }

    public static LoopbackCertificateAuthority Create(string commonName, TimeProvider time)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + commonName), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        using var selfSigned = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));
        // Keep only the public part: the private key stays in _key and never leaves this type.
        var certificate = X509CertificateLoader.LoadCertificate(selfSigned.RawData);
        return new LoopbackCertificateAuthority(key, certificate, time);
    }

    /// <summary>Issues a serving certificate for the given DNS names and IP addresses.</summary>
    public X509Certificate2 IssueServerCertificate(IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses)
    {
        var names = new SubjectAlternativeNameBuilder();
        string? first = null;
        foreach (var dns in dnsNames)
        {
            names.AddDnsName(dns);
            first ??= dns;
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + (first ?? "loopback-kubernetes")), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], false));
        using var issued = Sign(request, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement);
        var withKey = issued.CopyWithPrivateKey(key);
        if (!OperatingSystem.IsWindows())
        {
            return withKey;
        }

        // SChannel cannot serve an ephemeral key; a PKCS#12 round trip (tens of milliseconds, so
        // only where needed) gives a certificate whose key it can use.
        using (withKey)
        {
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }
    }

    /// <summary>
    /// Issues a client certificate the way the API server reads one: the user name in the common name
    /// and each group as an organization.
    /// </summary>
    public (string CertificatePem, string PrivateKeyPem) IssueClientCertificate(string userName, IEnumerable<string> groups)
    {
        var subject = new X500DistinguishedNameBuilder();
        foreach (var group in groups)
        {
            subject.AddOrganizationName(group);
        }

        subject.AddCommonName(userName);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuthentication], false));
        using var issued = Sign(request, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement);
        return (issued.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>True when <paramref name="certificate"/> chains to this CA and is valid for client authentication now.</summary>
    public bool IsTrustedClientCertificate(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate);
    }

    private X509Certificate2 Sign(CertificateRequest request, X509KeyUsageFlags usage)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        var now = _time.GetUtcNow();
        var generator = X509SignatureGenerator.CreateForECDsa(_key);
        return request.Create(Certificate.SubjectName, generator, now.AddMinutes(-5), now.AddDays(7), serial);
    }

    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }
}
