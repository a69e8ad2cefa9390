using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Connectors.Kubernetes.Hosting.Tests.Support;

/// <summary>Certificates generated at test time (never checked in).</summary>
internal static class TestPems
{
    private static readonly Lazy<(string Ca, string Certificate, string Key)> Generated = new(() =>
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test-cluster-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientRequest = new CertificateRequest("CN=developer", clientKey, HashAlgorithmName.SHA256);
        using var client = clientRequest.Create(ca, now.AddDays(-1), now.AddDays(29), [1, 2, 3, 4]);
        return (ca.ExportCertificatePem(), client.ExportCertificatePem(), clientKey.ExportPkcs8PrivateKeyPem());
    });

    public static string CaPem => Generated.Value.Ca;

    public static string ClientCertificatePem => Generated.Value.Certificate;

    public static string ClientKeyPem => Generated.Value.Key;

    public static string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
}
