using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Connectors.Kubernetes.Build.Tests.Infrastructure;

/// <summary>Test credentials made at test time: JWTs with a chosen expiry and self-signed client certificates.</summary>
internal static class Credentials
{
    public static string Jwt(DateTimeOffset expiresAt) =>
        Base64Url("""{"alg":"none","typ":"JWT"}""") + "." +
        Base64Url("{\"sub\":\"dev\",\"exp\":" + expiresAt.ToUnixTimeSeconds() + "}") + ".c2lnbmF0dXJl";

    public static string CertificatePem(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=dev, O=system:masters", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return certificate.ExportCertificatePem();
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(string text) => Base64(text).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
