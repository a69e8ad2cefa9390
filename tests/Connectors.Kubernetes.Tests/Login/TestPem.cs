using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connectors.Kubernetes.Tests.Login;

/// <summary>Throw-away certificates made at test time.</summary>
internal static class TestPem
{
    public static string SelfSignedCertificate(string subject = "CN=test-ca")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }

    public static (string Certificate, string Key) CertificateWithKey(string subject = "CN=test-user")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
