using System.CommandLine;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>
/// The options that set a connector's fields, shared by <c>register</c> and <c>update</c> so both
/// take the same names with the same meaning. Secret options take <c>@file</c>, <c>-</c> (standard
/// input) or no value (a hidden prompt); a literal value is accepted with a warning.
/// </summary>
internal sealed class ConnectorFieldOptions
{
    private const string SecretHelp = " Give @file to read it from a file, - to read standard input, or no value to be asked without echo.";

    public Option<string?> Server { get; } = new("--server") { Description = "The API server URL, e.g. https://kube-prod.example.test:6443.", HelpName = "url" };

    public Option<string?> AuthMethod { get; } = new("--auth-method", "-a") { Description = "token (default; the token may be empty) or password (basic auth; not for production).", HelpName = "token|password" };

    public Option<string?> Token { get; } = SecretOption("--token", "The bearer token.");

    public Option<string?> Username { get; } = SecretOption("--username", "The user name (password method).");

    public Option<string?> Password { get; } = SecretOption("--password", "The password (password method).");

    public Option<string?> CertificateAuthority { get; } = new("--certificate-authority", "--ca") { Description = "The cluster's CA certificate: a PEM file path, PEM text or base64. Stored as the parameter {name}-certificate-authority.", HelpName = "file|pem|base64" };

    public Option<string?> ClientCertificate { get; } = new("--client-certificate") { Description = "A client certificate (token method): a PEM file path, PEM text or base64. Needs --client-key.", HelpName = "file|pem|base64" };

    public Option<string?> ClientKey { get; } = SecretOption("--client-key", "The client certificate's private key: a PEM file path.");

    public Option<bool> Insecure { get; } = new("--insecure") { Description = "Skip TLS verification of the server (InsecureSkipTlsVerify). Never with a CA; not for production." };

    public Option<string?> TlsServerName { get; } = new("--tls-server-name") { Description = "The name to expect on the server's certificate when it differs from the server host.", HelpName = "host" };

    public Option<string?> ClusterName { get; } = new("--cluster-name") { Description = "A friendly cluster name (the resource name). Default: the server host.", HelpName = "name" };

    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "The default namespace of the connector's clients.", HelpName = "namespace" };

    public Option<string?> ExpiresAt { get; } = new("--expires-at") { Description = "When the credentials expire (ISO 8601, e.g. 2026-12-31T00:00:00Z).", HelpName = "time" };

    public Option<string[]> Labels { get; } = new("--label", "-l") { Description = "A label key=value to tag the connector with. Repeat for several.", HelpName = "key=value" };

    public void AddTo(Command command)
    {
        command.Add(Server);
        command.Add(AuthMethod);
        command.Add(Token);
        command.Add(Username);
        command.Add(Password);
        command.Add(CertificateAuthority);
        command.Add(ClientCertificate);
        command.Add(ClientKey);
        command.Add(Insecure);
        command.Add(TlsServerName);
        command.Add(ClusterName);
        command.Add(Namespace);
        command.Add(ExpiresAt);
        command.Add(Labels);
    }

    /// <summary>The names of the field options that appeared on the command line.</summary>
    public IReadOnlyList<string> GivenNames(ParseResult parse)
    {
        Option[] all = [Server, AuthMethod, Token, Username, Password, CertificateAuthority, ClientCertificate, ClientKey, Insecure, TlsServerName, ClusterName, Namespace, ExpiresAt, Labels];
        return all.Where(option => Given(parse, option)).Select(option => option.Name).ToList();
    }

    /// <summary>Whether the option appeared on the command line (with or without a value).</summary>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static Option<string?> SecretOption(string name, string description) => new(name)
    {
        Description = description + SecretHelp,
        HelpName = "@file|-",
        Arity = ArgumentArity.ZeroOrOne,
    };
}
