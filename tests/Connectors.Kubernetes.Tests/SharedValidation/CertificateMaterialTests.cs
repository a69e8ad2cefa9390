using System.Security.Cryptography.X509Certificates;
using System.Text;
using Connectors.Kubernetes.Tests.Support;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Tests.SharedValidation;

public sealed class CertificateMaterialTests
{
    private static readonly string CaPem = TestCertificates.Default.CaPem;

    private static string Load(string value, string? baseDirectory, out CertificateMaterial.Form form)
    {
        var pem = CertificateMaterial.TryLoad(value, baseDirectory, "CERTIFICATE", secret: false, out form, out var error);
        Assert.True(pem is not null, error);
        return pem!;
    }

    private static void AssertSameCertificate(string pem)
    {
        using var expected = X509Certificate2.CreateFromPem(CaPem);
        using var actual = X509Certificate2.CreateFromPem(pem);
        Assert.Equal(expected.Thumbprint, actual.Thumbprint);
    }

    [Fact]
    public void Inline_pem_is_taken_as_is()
    {
        AssertSameCertificate(Load("  " + CaPem, null, out var form));
        Assert.Equal(CertificateMaterial.Form.Pem, form);
    }

    [Fact]
    public void Standard_base64_of_pem_is_decoded()
    {
        AssertSameCertificate(Load(Convert.ToBase64String(Encoding.UTF8.GetBytes(CaPem)), null, out var form));
        Assert.Equal(CertificateMaterial.Form.Base64, form);
    }

    [Fact]
    public void Url_safe_base64_without_padding_is_decoded()
    {
        // DER bytes are binary, so their base64 has '+' and '/' that the url-safe alphabet spells '-' and '_'.
        using var certificate = X509Certificate2.CreateFromPem(CaPem);
        var urlSafe = Convert.ToBase64String(certificate.RawData).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        AssertSameCertificate(Load(urlSafe, null, out var form));
        Assert.Equal(CertificateMaterial.Form.Base64, form);
        Assert.Contains(urlSafe, c => c is '-' or '_');
    }

    [Fact]
    public void Base64_of_der_becomes_pem()
    {
        using var certificate = X509Certificate2.CreateFromPem(CaPem);
        AssertSameCertificate(Load(Convert.ToBase64String(certificate.RawData), null, out _));
    }

    [Fact]
    public void A_relative_path_is_resolved_against_the_base_directory_and_der_files_are_read()
    {
        using var temp = new TempDirectory();
        temp.Write("certs/ca.crt", CaPem);
        using var certificate = X509Certificate2.CreateFromPem(CaPem);
        temp.Write("certs/ca.der", certificate.RawData);
        AssertSameCertificate(Load("certs/ca.crt", temp.Path, out var form));
        Assert.Equal(CertificateMaterial.Form.File, form);
        AssertSameCertificate(Load("certs/ca.der", temp.Path, out _));
    }

    [Fact]
    public void A_missing_file_is_named_for_public_material_but_never_for_secrets()
    {
        Assert.Null(CertificateMaterial.TryLoad("certs/missing.crt", "/tmp", "CERTIFICATE", secret: false, out _, out var error));
        Assert.Contains("/tmp/certs/missing.crt", error);
        Assert.Null(CertificateMaterial.TryLoad("keys/missing.key", "/tmp", "PRIVATE KEY", secret: true, out _, out var secretError));
        Assert.DoesNotContain("missing.key", secretError);
    }

    [Fact]
    public void Text_that_is_none_of_the_forms_is_rejected() =>
        Assert.Null(CertificateMaterial.TryLoad("not a certificate\nat all", null, "CERTIFICATE", secret: false, out _, out _));
}
