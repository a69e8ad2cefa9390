using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

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
        if (user.GetValueOrDefault("token") is string token && JwtExpiry(token) is { } tokenExpiry)
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

    /// <summary>The <c>exp</c> claim of a JWT, or null when <paramref name="token"/> is not a JWT with one.</summary>
    public static DateTimeOffset? JwtExpiry(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Convert.FromBase64String(payload));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("exp", out var exp)
                && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null; // an opaque token: its expiry is unknown, which is not an error
        }
    }

    private static DateTimeOffset? CertificateExpiry(IReadOnlyDictionary<string, object?> user, string kubeconfigDirectory)
    {
        try
        {
            string? pem = null;
            if (user.GetValueOrDefault("client-certificate-data") is string data && data.Length > 0)
            {
                pem = Encoding.ASCII.GetString(Convert.FromBase64String(data));
            }
            else if (user.GetValueOrDefault("client-certificate") is string path && path.Length > 0)
            {
                var full = Path.IsPathRooted(path) ? path : Path.Combine(kubeconfigDirectory, path);
                pem = File.Exists(full) ? File.ReadAllText(full) : null;
            }

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
