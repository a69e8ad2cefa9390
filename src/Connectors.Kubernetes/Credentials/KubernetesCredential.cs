using System.Net.Http.Headers;
using System.Text;

namespace Connectors.Kubernetes.Credentials;

/// <summary>
/// What one request is authenticated with: nothing, a bearer token, or a user name and password.
/// Held in memory only; <see cref="ToString"/> never shows the secret.
/// </summary>
internal sealed class KubernetesCredential
{
    private readonly string? _token;
    private readonly string? _username;
    private readonly string? _password;

    private KubernetesCredential(KubernetesCredentialKind kind, string? token, string? username, string? password, DateTimeOffset? expiresAt)
    {
        Kind = kind;
        _token = token;
        _username = username;
        _password = password;
        ExpiresAt = expiresAt;
    }

    /// <summary>No credential (client-certificate only, or an anonymous server).</summary>
    public static KubernetesCredential None { get; } = new(KubernetesCredentialKind.None, null, null, null, null);

    public KubernetesCredentialKind Kind { get; }

    /// <summary>When the issuer said the credential stops working; null when unknown.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    public static KubernetesCredential Bearer(string token, DateTimeOffset? expiresAt = null) =>
        token.Length == 0 ? None : new(KubernetesCredentialKind.Bearer, token, null, null, expiresAt);

    public static KubernetesCredential Basic(string username, string password) =>
        new(KubernetesCredentialKind.Basic, null, username, password, null);

    /// <summary>The <c>Authorization</c> header value, or null when nothing is to be sent.</summary>
    public AuthenticationHeaderValue? ToAuthorizationHeader() => Kind switch
    {
        KubernetesCredentialKind.Bearer => new AuthenticationHeaderValue("Bearer", _token),
        KubernetesCredentialKind.Basic => new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_username + ":" + _password))),
        _ => null,
    };

    /// <summary>True when both carry the same secret (used to tell a real refresh from a no-op).</summary>
    public bool SameSecretAs(KubernetesCredential other) =>
        Kind == other.Kind
        && string.Equals(_token, other._token, StringComparison.Ordinal)
        && string.Equals(_username, other._username, StringComparison.Ordinal)
        && string.Equals(_password, other._password, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Kind == KubernetesCredentialKind.None ? "no credential" : $"{Kind} credential [HIDDEN]";
}

/// <summary>The kinds of <see cref="KubernetesCredential"/>.</summary>
internal enum KubernetesCredentialKind
{
    None,
    Bearer,
    Basic,
}
