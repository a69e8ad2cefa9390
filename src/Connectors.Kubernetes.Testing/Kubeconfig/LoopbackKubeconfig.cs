using System.Text;
using System.Text.Json;

namespace Connectors.Kubernetes.Testing;

/// <summary>
/// A ready kubeconfig for one identity of a <see cref="LoopbackKubernetesServer"/>: one cluster, one
/// user, one context (the current one). Use <see cref="ToYaml"/> for the file text kubectl and the
/// official client read; change fields with <c>with</c> to test variants (a token file instead of the
/// token, a <c>tls-server-name</c>, another namespace).
/// </summary>
/// <remarks>Holds test credentials; <see cref="ToString"/> never shows them.</remarks>
public sealed record LoopbackKubeconfig
{
    /// <summary>The cluster entry's name.</summary>
    public required string ClusterName { get; init; }

    /// <summary>The user entry's name (the identity's user name).</summary>
    public required string UserName { get; init; }

    /// <summary>The context entry's name, <c>{user}@{cluster}</c>; also the current context.</summary>
    public required string ContextName { get; init; }

    /// <summary>The server URL, <c>https://127.0.0.1:{port}</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>The CA certificate, PEM (written base64-encoded as <c>certificate-authority-data</c>).</summary>
    public required string CertificateAuthorityPem { get; init; }

    /// <summary>The name to verify the server certificate against instead of the URL's host (<c>tls-server-name</c>).</summary>
    public string? TlsServerName { get; init; }

    /// <summary>The context's namespace. Default <c>default</c>.</summary>
    public string? Namespace { get; init; } = "default";

    /// <summary>A bearer token (<c>token</c>).</summary>
    public string? Token { get; init; }

    /// <summary>A file holding the bearer token (<c>tokenFile</c>), re-read by clients that support rotation.</summary>
    public string? TokenFile { get; init; }

    /// <summary>The basic-auth user name (<c>username</c>).</summary>
    public string? BasicUserName { get; init; }

    /// <summary>The basic-auth password (<c>password</c>).</summary>
    public string? Password { get; init; }

    /// <summary>The client certificate, PEM (written as <c>client-certificate-data</c>).</summary>
    public string? ClientCertificatePem { get; init; }

    /// <summary>The client key, PEM (written as <c>client-key-data</c>).</summary>
    public string? ClientKeyPem { get; init; }

    /// <summary>Renders the kubeconfig as YAML, the way <c>kubectl config view --raw</c> lays it out.</summary>
    /// <returns>The file text.</returns>
    public string ToYaml()
    {
        var yaml = new StringBuilder();
        yaml.Append("apiVersion: v1\nkind: Config\nclusters:\n");
        yaml.Append("- name: ").Append(Quote(ClusterName)).Append("\n  cluster:\n");
        yaml.Append("    server: ").Append(Quote(Server.ToString().TrimEnd('/'))).Append('\n');
        yaml.Append("    certificate-authority-data: ").Append(Base64(CertificateAuthorityPem)).Append('\n');
        if (!string.IsNullOrEmpty(TlsServerName))
        {
            yaml.Append("    tls-server-name: ").Append(Quote(TlsServerName)).Append('\n');
        }

        yaml.Append("users:\n- name: ").Append(Quote(UserName)).Append("\n  user:");
        var hasCredential = false;
        void Field(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                yaml.Append("\n    ").Append(key).Append(": ").Append(value);
                hasCredential = true;
            }
        }

        Field("token", Token is null ? null : Quote(Token));
        Field("tokenFile", TokenFile is null ? null : Quote(TokenFile));
        Field("username", BasicUserName is null ? null : Quote(BasicUserName));
        Field("password", Password is null ? null : Quote(Password));
        Field("client-certificate-data", ClientCertificatePem is null ? null : Base64(ClientCertificatePem));
        Field("client-key-data", ClientKeyPem is null ? null : Base64(ClientKeyPem));
        yaml.Append(hasCredential ? "\n" : " {}\n");

        yaml.Append("contexts:\n- name: ").Append(Quote(ContextName)).Append("\n  context:\n");
        yaml.Append("    cluster: ").Append(Quote(ClusterName)).Append('\n');
        yaml.Append("    user: ").Append(Quote(UserName)).Append('\n');
        if (!string.IsNullOrEmpty(Namespace))
        {
            yaml.Append("    namespace: ").Append(Quote(Namespace)).Append('\n');
        }

        yaml.Append("current-context: ").Append(Quote(ContextName)).Append('\n');
        yaml.Append("preferences: {}\n");
        return yaml.ToString();
    }

    /// <summary>Writes <see cref="ToYaml"/> to a file readable by its owner only (0600), replacing it atomically.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The full path written.</returns>
    public async Task<string> WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await PrivateFile.WriteAsync(path, ToYaml(), cancellationToken).ConfigureAwait(false);
        return Path.GetFullPath(path);
    }

    /// <summary>Describes the kubeconfig without any credential.</summary>
    /// <returns>For example <c>kubeconfig alice@loopback → https://127.0.0.1:40123/</c>.</returns>
    public override string ToString() => $"kubeconfig {ContextName} → {Server}";

    // A JSON string is a valid YAML double-quoted scalar, so quoting through the JSON encoder is exact.
    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
}
