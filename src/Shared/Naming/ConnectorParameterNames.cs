// Shared source: compiled into the runtime, the MSBuild task, the generator and the CLI.
// Keep it dependency-free and netstandard2.0-compatible (the generator targets netstandard2.0).
namespace Connectors.Kubernetes.Naming;

/// <summary>
/// The naming convention of the Aspire parameters that hold a connector's secrets:
/// <c>{name}-token</c>, <c>{name}-username</c>, <c>{name}-password</c>, <c>{name}-certificate-authority</c>,
/// <c>{name}-client-certificate</c>, <c>{name}-client-key</c>; plus <c>{name}-server</c>, which only an
/// auto-configured connector uses, in publish mode, where the local kubeconfig's server means nothing.
/// </summary>
internal static class ConnectorParameterNames
{
    /// <summary>Suffix of the token parameter.</summary>
    public const string TokenSuffix = "-token";

    /// <summary>Suffix of the username parameter.</summary>
    public const string UsernameSuffix = "-username";

    /// <summary>Suffix of the password parameter.</summary>
    public const string PasswordSuffix = "-password";

    /// <summary>Suffix of the certificate authority parameter.</summary>
    public const string CertificateAuthoritySuffix = "-certificate-authority";

    /// <summary>Suffix of the client certificate parameter.</summary>
    public const string ClientCertificateSuffix = "-client-certificate";

    /// <summary>Suffix of the client key parameter.</summary>
    public const string ClientKeySuffix = "-client-key";

    /// <summary>Suffix of the server parameter of an auto-configured connector in publish mode.</summary>
    public const string ServerSuffix = "-server";

    /// <summary>The token parameter of <paramref name="connector"/>.</summary>
    public static string Token(string connector) => connector + TokenSuffix;

    /// <summary>The username parameter of <paramref name="connector"/>.</summary>
    public static string Username(string connector) => connector + UsernameSuffix;

    /// <summary>The password parameter of <paramref name="connector"/>.</summary>
    public static string Password(string connector) => connector + PasswordSuffix;

    /// <summary>The certificate authority parameter of <paramref name="connector"/>.</summary>
    public static string CertificateAuthority(string connector) => connector + CertificateAuthoritySuffix;

    /// <summary>The client certificate parameter of <paramref name="connector"/>.</summary>
    public static string ClientCertificate(string connector) => connector + ClientCertificateSuffix;

    /// <summary>The client key parameter of <paramref name="connector"/>.</summary>
    public static string ClientKey(string connector) => connector + ClientKeySuffix;

    /// <summary>The server parameter of an auto-configured <paramref name="connector"/> in publish mode.</summary>
    public static string Server(string connector) => connector + ServerSuffix;
}
