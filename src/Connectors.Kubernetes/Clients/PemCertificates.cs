using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Connectors.Kubernetes.Clients;

/// <summary>
/// Turns the connector's PEM text into certificates, in memory only: nothing is written to disk,
/// not even a temporary file.
/// </summary>
internal static class PemCertificates
{
    /// <summary>Loads the certificate authority bundle (PEM, or base64 of PEM as in kubeconfig <c>*-data</c> fields).</summary>
    public static X509Certificate2Collection LoadAuthorities(string pemOrBase64)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPem(ToPem(pemOrBase64));
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
            var certificatePemText = ToPem(certificatePem);
            var leaf = X509Certificate2.CreateFromPem(certificatePemText, ToPem(keyPem));
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

    // kubeconfig '*-data' fields hold base64 of the PEM; connector values may hold the PEM itself.
    private static string ToPem(string text)
    {
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return text;
        }

        try
        {
            return Encoding.ASCII.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException)
        {
            return text;
        }
    }

    private static KubernetesConnectorException InvalidAuthority(Exception? inner) => new(
        KubernetesClientErrorCodes.InvalidCertificateAuthority,
        $"the certificate authority holds no usable certificate. "
        + "Give it as PEM ('-----BEGIN CERTIFICATE-----') or as base64 of that PEM, as in a kubeconfig's certificate-authority-data.",
        inner);
}
