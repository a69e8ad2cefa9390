namespace Connectors.Kubernetes;

/// <summary>
/// The field names of a connector: the connection string keys, the keys of the configuration section
/// <c>Connectors:Kubernetes:{name}</c> and the keys of <see cref="KubernetesConnectorSpec.Sources"/>.
/// </summary>
public static class KubernetesConnectorKeys
{
    /// <summary>The API server URL.</summary>
    public const string Server = "Server";

    /// <summary>The cluster name.</summary>
    public const string ClusterName = "ClusterName";

    /// <summary>The auth method (<c>token</c> or <c>password</c>).</summary>
    public const string AuthMethod = "AuthMethod";

    /// <summary>The bearer token (secret).</summary>
    public const string Token = "Token";

    /// <summary>A file holding the bearer token.</summary>
    public const string TokenFile = "TokenFile";

    /// <summary>The basic-auth user name (secret).</summary>
    public const string Username = "Username";

    /// <summary>The basic-auth password (secret).</summary>
    public const string Password = "Password";

    /// <summary>The CA certificate as base64 of PEM (PEM text and file paths are accepted too).</summary>
    public const string CertificateAuthorityData = "CertificateAuthorityData";

    /// <summary>The client certificate as base64 of PEM (PEM text and file paths are accepted too).</summary>
    public const string ClientCertificateData = "ClientCertificateData";

    /// <summary>The client key as base64 of PEM (secret; PEM text and file paths are accepted too).</summary>
    public const string ClientKeyData = "ClientKeyData";

    /// <summary><c>true</c> to skip TLS verification.</summary>
    public const string InsecureSkipTlsVerify = "InsecureSkipTlsVerify";

    /// <summary>The TLS server name.</summary>
    public const string TlsServerName = "TlsServerName";

    /// <summary>The default namespace.</summary>
    public const string Namespace = "Namespace";

    /// <summary>The ISO 8601 expiry of the credentials.</summary>
    public const string ExpiresAt = "ExpiresAt";

    /// <summary>Exec plugin configuration (kubeconfig only; not a connection string key).</summary>
    public const string Exec = "Exec";

    /// <summary>Every connection string key, in the order <see cref="KubernetesConnectionString.Format"/> writes them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Server, ClusterName, AuthMethod, Token, TokenFile, Username, Password, CertificateAuthorityData,
        ClientCertificateData, ClientKeyData, InsecureSkipTlsVerify, TlsServerName, Namespace, ExpiresAt,
    ];

    /// <summary>The keys whose values are secrets.</summary>
    public static IReadOnlyList<string> Secrets { get; } = [Token, Username, Password, ClientKeyData];

    /// <summary>Returns the canonical spelling of <paramref name="key"/> (compared ignoring case), or null when unknown.</summary>
    public static string? Canonical(string key)
    {
        foreach (var known in All)
        {
            if (string.Equals(known, key.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }
}
