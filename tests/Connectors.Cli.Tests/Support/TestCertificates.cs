using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connectors.Cli.Tests.Support;

/// <summary>Certificates made at test time: a CA and a client certificate with its key, as PEM.</summary>
public static class TestCertificates
{
    static TestCertificates()
    {
        CaPem = Create("CN=test-ca", out _);
        ClientCertificatePem = Create("CN=test-user,O=testers", out var key);
        ClientKeyPem = key;
    }

    public static string CaPem { get; }

    public static string ClientCertificatePem { get; }

    public static string ClientKeyPem { get; }

    private static string Create(string subject, out string keyPem)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        keyPem = rsa.ExportPkcs8PrivateKeyPem();
        return certificate.ExportCertificatePem();
    }
}
