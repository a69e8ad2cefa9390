using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Connectors.Kubernetes.Validation;
using Connectors.Reliability.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Fuzzing;

/// <summary>
/// The certificate field parser (inline PEM, base64 of PEM or DER in either alphabet, file paths)
/// never throws: it returns PEM or a reason, and for secret fields the reason never repeats the value.
/// </summary>
public sealed class CertificateFieldFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] RealDer = CreateCertificateDer();

    private static readonly Gen<string> Base64OfBytes = Gen.Frequency(
        (2, Gen.Byte.Array[0, 600].Select(Convert.ToBase64String)),
        (2, Gen.Int[0, RealDer.Length].Select(cut => Convert.ToBase64String(RealDer.AsSpan(0, cut)))),
        (1, Gen.Const(Convert.ToBase64String(RealDer))),
        (1, Gen.Byte.Array[0, 600].Select(b => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_'))));

    private static readonly Gen<string> Value = Gen.Frequency(
        (3, Fragments.Scalar),
        (3, Base64OfBytes),
        (1, Base64OfBytes.Select(b => "-----BEGIN CERTIFICATE-----\n" + b + "\n-----END CERTIFICATE-----")),
        (1, Gen.Select(Base64OfBytes, Gen.Int[0, 400], (b, at) => b.Insert(Math.Min(at, b.Length), "\n "))),
        (1, Gen.OneOf("ca.crt", "./ca.crt", "missing/ca.crt", "/nonexistent/ca.pem", "~/ca.crt", "..", ".", "/", "a\0b.crt")));

    [Fact]
    public async Task Parser_returns_pem_or_a_reason_free_of_the_value()
    {
        var folder = Directory.CreateTempSubdirectory("fuzz-cert-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "ca.crt"), "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(RealDer) + "\n-----END CERTIFICATE-----\n");
            long loaded = 0;
            await FuzzRun.RunAsync(
                "certificate field",
                Value,
                FuzzRun.Inputs(100_000),
                value =>
                {
                    var pem = CertificateMaterial.TryLoad(value, folder, "CERTIFICATE", secret: true, out _, out var error);
                    if (pem is null)
                    {
                        Assert.False(string.IsNullOrWhiteSpace(error));
                        // A path that exists is named in the reason (it is not the secret); anything else is never repeated.
                        if (value.Trim().Length >= 8 && !File.Exists(Path.Combine(folder, value.Trim())))
                        {
                            Assert.DoesNotContain(value.Trim(), error, StringComparison.Ordinal);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref loaded);
                        Assert.StartsWith("-----BEGIN", pem, StringComparison.Ordinal);
                    }
                },
                output,
                perInput: TimeSpan.FromSeconds(10),
                wholeRun: TimeSpan.FromMinutes(FuzzRun.LongMode ? 30 : 3));
            output.WriteLine($"loaded as PEM: {loaded}");
            Assert.True(loaded > 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static byte[] CreateCertificateDer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=fuzz", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.RawData;
    }
}
