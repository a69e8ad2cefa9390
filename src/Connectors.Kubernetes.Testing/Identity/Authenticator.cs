using System.Security.Cryptography.X509Certificates;
using System.Text;
using Connectors.Kubernetes.Testing.Tls;
using Microsoft.AspNetCore.Http;

namespace Connectors.Kubernetes.Testing.Identity;

/// <summary>
/// Authenticates a request the way the API server's union authenticator does: a client certificate
/// signed by the CA first, then the <c>Authorization</c> header (bearer token or basic).
/// </summary>
internal sealed class Authenticator(LoopbackIdentities identities, LoopbackCertificateAuthority authority, TimeProvider time)
{
    /// <summary>The user, <see cref="AuthenticatedUser.Anonymous"/> when no credential was sent, or null when a credential was rejected.</summary>
    public AuthenticatedUser? Authenticate(HttpContext context)
    {
        var certificate = context.Connection.ClientCertificate;
        if (certificate is not null && authority.IsTrustedClientCertificate(certificate))
        {
            return FromCertificate(certificate);
        }

        string? header = context.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return certificate is null ? AuthenticatedUser.Anonymous : null;
        }

        LoopbackIdentity? identity = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            identity = token.Length == 0 ? null : identities.FindByToken(token);
        }
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            identity = FromBasic(header["Basic ".Length..].Trim());
        }

        if (identity is null || identity.IsExpired(time.GetUtcNow()))
        {
            return null;
        }

        return AuthenticatedUser.From(identity);
    }

    private LoopbackIdentity? FromBasic(string encoded)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : identities.FindBasic(decoded[..colon], decoded[(colon + 1)..]);
    }

    private AuthenticatedUser? FromCertificate(X509Certificate2 certificate)
    {
        string? commonName = null;
        var groups = new List<string>();
        foreach (var part in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            var oid = part.GetSingleElementType().Value;
            var value = part.GetSingleElementValue();
            if (value is null)
            {
                continue;
            }

            if (oid == "2.5.4.3")
            {
                commonName = value;
            }
            else if (oid == "2.5.4.10")
            {
                groups.Add(value);
            }
        }

        if (string.IsNullOrEmpty(commonName))
        {
            return null;
        }

        var known = identities.FindCertificateUser(commonName);
        if (known is not null && known.IsExpired(time.GetUtcNow()))
        {
            return null;
        }

        groups.Add("system:authenticated");
        return new AuthenticatedUser(commonName, known?.Uid ?? string.Empty, groups, known?.Rules);
    }
}
