using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connectors.Kubernetes.Tests.Support;

/// <summary>Certificates generated at test time: a CA, client certificates with RSA and EC keys, an expired one.</summary>
internal static class TestCertificates
{
    private static readonly Lazy<Material> Shared = new(() => Create(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)));

    public static Material Default => Shared.Value;

    public static Material Create(DateTimeOffset notBefore, DateTimeOffset notAfter, bool ecClient = false)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=connectors-test-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(1));

        string clientCertificatePem;
        string clientKeyPem;
        var serial = RandomNumberGenerator.GetBytes(8);
        if (ecClient)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=test-user, O=system:masters", key, HashAlgorithmName.SHA256);
            using var certificate = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1), notBefore, notAfter, serial);
            clientCertificatePem = certificate.ExportCertificatePem();
            clientKeyPem = key.ExportECPrivateKeyPem();
        }
        else
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=test-user, O=system:masters", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1), notBefore, notAfter, serial);
            clientCertificatePem = certificate.ExportCertificatePem();
            clientKeyPem = key.ExportRSAPrivateKeyPem();
        }

        using var otherKey = RSA.Create(2048);
        return new Material(ca.ExportCertificatePem() + "\n", clientCertificatePem + "\n", clientKeyPem + "\n", otherKey.ExportPkcs8PrivateKeyPem() + "\n");
    }

    internal sealed record Material(string CaPem, string ClientCertificatePem, string ClientKeyPem, string UnrelatedKeyPem);
}
