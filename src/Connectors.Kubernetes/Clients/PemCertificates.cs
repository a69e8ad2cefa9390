using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Turns the connector's PEM text into certificates, in memory only: nothing is written to disk,
/// not even a temporary file.
/// </summary>
internal static class PemCertificates
{
    /// <summary>Loads the certificate authority bundle, in any form the validator accepts (PEM, base64, a file).</summary>
    public static X509Certificate2Collection LoadAuthorities(string material)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPem(ToPem(material, "CERTIFICATE", secret: false) ?? throw InvalidAuthority(null));
        }
        catch (CryptographicException e)
        {
            throw InvalidAuthority(e);
        }

        return authorities.Count == 0 ? throw InvalidAuthority(null) : authorities;
    }

    /// <summary>Loads the client certificate (first certificate in the PEM, any others are its intermediates) with its key.</summary>
    public static SslStreamCertificateContext LoadClientCertificate(string certificatePem, string keyPem)
    {
        try
        {
            var certificatePemText = ToPem(certificatePem, "CERTIFICATE", secret: false) ?? throw new ArgumentException("no certificate");
            var leaf = X509Certificate2.CreateFromPem(certificatePemText, ToPem(keyPem, "PRIVATE KEY", secret: true) ?? throw new ArgumentException("no key"));
            var all = new X509Certificate2Collection();
            all.ImportFromPem(certificatePemText);
            var intermediates = new X509Certificate2Collection();
            for (var i = 1; i < all.Count; i++)
            {
                intermediates.Add(all[i]);
            }

            return SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // The exception text can quote the key material's shape; keep only its type.
            throw new KubernetesConnectorException(
                KubernetesClientErrorCodes.InvalidClientCertificate,
                $"the client certificate and key cannot be used together ({e.GetType().Name}). "
                + "Give the certificate as PEM ('-----BEGIN CERTIFICATE-----') and its matching private key as PEM (PKCS#8, PKCS#1 RSA or SEC1 EC).");
        }
    }

    // The same reading of the material as the shared validator's: inline PEM, base64 of PEM or DER, or a path.
    private static string? ToPem(string material, string pemLabel, bool secret) =>
        CertificateMaterial.TryLoad(material, baseDirectory: null, pemLabel, secret, out _, out _);

    private static KubernetesConnectorException InvalidAuthority(Exception? inner) => new(
        KubernetesClientErrorCodes.InvalidCertificateAuthority,
        $"the certificate authority holds no usable certificate. "
        + "Give it as PEM ('-----BEGIN CERTIFICATE-----') or as base64 of that PEM, as in a kubeconfig's certificate-authority-data.",
        inner);
}
