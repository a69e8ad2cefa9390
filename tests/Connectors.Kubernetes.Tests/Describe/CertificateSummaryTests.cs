using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Connectors.Kubernetes.Describe;

namespace Connectors.Kubernetes.Tests.Describe;

/// <summary>
/// The describe summary reads certificates without OpenSSL; it must say exactly what
/// <see cref="X509Certificate2"/> would (subject as <see cref="X500DistinguishedName.Name"/>, end date).
/// </summary>
public sealed class CertificateSummaryTests
{
    public static TheoryData<string, int> Subjects => new()
    {
        { "CN=kubernetes", 365 },
        { "CN=bench-ca, O=Connectors", 30 },
        { "CN=kube-apiserver, OU=Platform, O=\"Example, Inc.\", L=Berlin, S=Berlin, C=DE", 3650 },
        { "E=ops@example.test, CN=ml-orchestrator, DC=example, DC=test", 1 },
        { "CN=\" padded \", O=a+b", 20_000 }, // after 2049: GeneralizedTime instead of UTCTime
        { "CN=ÄÖÜ unicode ☸, SERIALNUMBER=42, OID.1.2.3.4=custom", 90 },
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public void A_certificate_is_summarized_as_the_platform_reads_it(string subject, int days)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var notBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var certificate = request.CreateSelfSigned(notBefore, notBefore.AddDays(days));

        var summary = CertificateSummary.Summarize(certificate.ExportCertificatePem());

        Assert.Equal(certificate.Subject + " (until " + certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd") + ")", summary);
    }

    [Fact]
    public void A_bundle_gives_one_line_per_certificate_and_skips_other_pem_blocks()
    {
        using var rsa = RSA.Create(2048);
        using var first = new CertificateRequest("CN=root", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(60));
        using var ec = ECDsa.Create();
        using var second = new CertificateRequest("CN=intermediate", ec, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(1));
        var pem = "comment line\n" + first.ExportCertificatePem() + "\n" + ec.ExportPkcs8PrivateKeyPem() + "\n" + second.ExportCertificatePem();

        var summary = CertificateSummary.Summarize(pem);

        Assert.Equal(["CN=root (until 2030-01-01)", "CN=intermediate (until 1971-01-01)"], summary.Split(Environment.NewLine));
    }

    [Theory]
    [InlineData("", "PEM without certificates")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "PEM without certificates")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "unreadable PEM")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n", "unreadable PEM")]
    public void Anything_else_gets_a_fixed_phrase_never_the_text(string pem, string expected) =>
        Assert.Equal(expected, CertificateSummary.Summarize(pem));

    [Fact]
    public void Truncated_der_is_unreadable_not_an_exception()
    {
        using var key = ECDsa.Create();
        using var certificate = new CertificateRequest("CN=cut", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));
        var der = certificate.RawData;
        for (var length = 0; length < der.Length; length += 7)
        {
            var pem = PemEncoding.WriteString("CERTIFICATE", der.AsSpan(0, length));
            Assert.Equal("unreadable PEM", CertificateSummary.Summarize(pem));
        }
    }
}
