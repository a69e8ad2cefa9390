using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Build.Kubeconfig;

/// <summary>
/// The expiry of a kubeconfig user's credentials when it can be known without running anything:
/// a JWT token's <c>exp</c> claim and a client certificate's end of validity. Exec plugins are never
/// run at build time, so their expiry is left to the app host.
/// </summary>
internal static class CredentialExpiry
{
    /// <summary>The earliest known expiry of <paramref name="user"/>'s credentials with what expires, or null.</summary>
    /// <param name="user">The <c>user</c> mapping of a kubeconfig entry.</param>
    /// <param name="kubeconfigDirectory">Folder that relative file paths are resolved against.</param>
    public static (DateTimeOffset ExpiresAt, string What)? Find(IReadOnlyDictionary<string, object?> user, string kubeconfigDirectory)
    {
        var found = new List<(DateTimeOffset, string)>();
        if (user.GetValueOrDefault("token") is string token && JwtExpiry.Read(token) is { } tokenExpiry)
        {
            found.Add((tokenExpiry, "token"));
        }

        var certificate = CertificateExpiry(user, kubeconfigDirectory);
        if (certificate is { } certificateExpiry)
        {
            found.Add((certificateExpiry, "client certificate"));
        }

        return found.Count == 0 ? null : found.MinBy(f => f.Item1);
    }

    private static DateTimeOffset? CertificateExpiry(IReadOnlyDictionary<string, object?> user, string kubeconfigDirectory)
    {
        try
        {
            var value = user.GetValueOrDefault("client-certificate-data") as string;
            if (string.IsNullOrEmpty(value))
            {
                value = user.GetValueOrDefault("client-certificate") as string;
            }

            // The shared loader takes base64 data and file paths alike (relative to the kubeconfig).
            var pem = string.IsNullOrEmpty(value) ? null : CertificateMaterial.TryLoad(value, kubeconfigDirectory, "CERTIFICATE", secret: false, out _, out _);
            if (pem is null)
            {
                return null;
            }

            using var certificate = X509Certificate2.CreateFromPem(pem);
            return new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null; // unreadable certificates are the runtime's to report, with its own codes
        }
    }
}
