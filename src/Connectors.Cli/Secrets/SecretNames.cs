namespace Connectors.Kubernetes.Cli.Secrets;

/// <summary>
/// The Aspire parameter names that carry a connector's secrets (DESIGN.md, "Secret parameter names"),
/// and the configuration keys they are stored under in user secrets.
/// </summary>
internal static class SecretNames
{
    public const string Token = "token";
    public const string Username = "username";
    public const string Password = "password";
    public const string CertificateAuthority = "certificate-authority";
    public const string ClientCertificate = "client-certificate";
    public const string ClientKey = "client-key";

    /// <summary>Every secret suffix, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> All = [Token, Username, Password, CertificateAuthority, ClientCertificate, ClientKey];

    /// <summary>The parameter name, e.g. <c>kube-prod-token</c>.</summary>
    public static string Parameter(string connector, string suffix) => connector + "-" + suffix;

    /// <summary>The configuration key, e.g. <c>Parameters:kube-prod-token</c>.</summary>
    public static string ConfigurationKey(string connector, string suffix) => "Parameters:" + Parameter(connector, suffix);
}
