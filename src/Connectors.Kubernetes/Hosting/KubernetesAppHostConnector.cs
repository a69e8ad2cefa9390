using System.Globalization;
using Connectors.Kubernetes.Naming;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Hosting;

/// <summary>
/// A connector as the app host declares it: literal settings, and the Aspire parameters or certificate
/// material its secrets come from. It holds no secret value, so it can be logged and generated into code.
/// The Aspire layer keeps one per <c>KubernetesConnectorResource</c> and replaces it on every <c>With…</c> call.
/// </summary>
public sealed record KubernetesAppHostConnector
{
    private KubernetesAppHostConnector(string name) => Name = name;

    /// <summary>The connector name (also the Aspire resource name and the connection string name).</summary>
    public string Name { get; }

    /// <summary>The API server URL; <see langword="null"/> until given (an auto-configured connector takes it from the context).</summary>
    public string? Server { get; init; }

    /// <summary>The auth method.</summary>
    public KubernetesAuthMethod AuthMethod { get; init; } = KubernetesAuthMethod.Token;

    /// <summary>The token parameter; <see langword="null"/> for a cluster that takes an empty token (k3d style).</summary>
    public KubernetesConnectorInput? Token { get; init; }

    /// <summary>The username parameter of the password method.</summary>
    public KubernetesConnectorInput? Username { get; init; }

    /// <summary>The password parameter of the password method.</summary>
    public KubernetesConnectorInput? Password { get; init; }

    /// <summary>The cluster CA: a parameter, or material (PEM, base64 or a path); the system trust store when absent.</summary>
    public KubernetesConnectorInput? CertificateAuthority { get; init; }

    /// <summary>The client certificate: a parameter, or material (PEM, base64 or a path).</summary>
    public KubernetesConnectorInput? ClientCertificate { get; init; }

    /// <summary>The client key: a parameter, or a path (never inline).</summary>
    public KubernetesConnectorInput? ClientKey { get; init; }

    /// <summary>Whether TLS verification of the server is skipped (never together with a CA).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name the server certificate is checked against, when it differs from the server host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>The default namespace components work in.</summary>
    public string? Namespace { get; init; }

    /// <summary>The cluster name; the server host when absent.</summary>
    public string? ClusterName { get; init; }

    /// <summary>When the declared credentials expire, if known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The kubeconfig context lifted when the app host starts; <see langword="null"/> for a declared connector.</summary>
    public KubernetesAutoConfigureRequest? AutoConfigure { get; init; }

    /// <summary>Whether the app host configures the developer's local kubectl context for this connector when it starts.</summary>
    public bool KubectlLogin { get; init; }

    /// <summary>The directory relative material paths are resolved against (the app host directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Starts a token-method connector named <paramref name="name"/> with nothing else set.</summary>
    /// <param name="name">The connector name.</param>
    /// <param name="baseDirectory">The directory relative material paths are resolved against.</param>
    /// <returns>The declaration.</returns>
    /// <exception cref="KubernetesConnectorException">The name breaks the naming rule (<c>KC4001</c>).</exception>
    public static KubernetesAppHostConnector Create(string name, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var problem = ConnectorNameRules.Explain(name);
        if (problem is not null)
        {
            throw new KubernetesConnectorException(
                RuleCode(ConnectorRule.InvalidName),
                "The connector name '" + name + "' is invalid: " + problem + ". Use " + ConnectorNameRules.Description + ".");
        }

        return new KubernetesAppHostConnector(name) { BaseDirectory = baseDirectory };
    }

    /// <summary>
    /// The declaration of a <c>&lt;KubernetesConnector&gt;</c> project item (the generated
    /// <c>KubernetesConnectorDeclaration</c> passes its values here). Secrets come from the naming convention:
    /// the token method reads <c>{name}-token</c> (unless a client certificate authenticates), the password method
    /// <c>{name}-username</c> and <c>{name}-password</c>; certificate authority and client certificate are the
    /// item's material (path, PEM or base64) and the client key its path.
    /// </summary>
    /// <param name="name">The connector name.</param>
    /// <param name="server">The server URL, if declared.</param>
    /// <param name="authMethod"><c>token</c> or <c>password</c>; token when absent.</param>
    /// <param name="clusterName">The cluster name, if declared.</param>
    /// <param name="namespace">The default namespace, if declared.</param>
    /// <param name="certificateAuthority">The CA material, if declared.</param>
    /// <param name="clientCertificate">The client certificate material, if declared.</param>
    /// <param name="clientKeyPath">The client key path, if declared.</param>
    /// <param name="insecureSkipTlsVerify">Whether TLS verification is skipped.</param>
    /// <param name="tlsServerName">The TLS server name, if declared.</param>
    /// <param name="expiresAt">The declared expiry, if any.</param>
    /// <param name="autoConfigure">Whether the connector lifts a kubeconfig context.</param>
    /// <param name="context">The context to lift (current when absent).</param>
    /// <param name="kubeconfig">The kubeconfig to read (kubectl's rules when absent).</param>
    /// <param name="baseDirectory">The directory relative paths are resolved against (the project directory).</param>
    /// <returns>The declaration.</returns>
    /// <exception cref="KubernetesConnectorException">The name or the auth method is invalid (<c>KC4001</c>, <c>KC4005</c>).</exception>
    public static KubernetesAppHostConnector FromProjectItem(
        string name,
        string? server = null,
        string? authMethod = null,
        string? clusterName = null,
        string? @namespace = null,
        string? certificateAuthority = null,
        string? clientCertificate = null,
        string? clientKeyPath = null,
        bool insecureSkipTlsVerify = false,
        string? tlsServerName = null,
        DateTimeOffset? expiresAt = null,
        bool autoConfigure = false,
        string? context = null,
        string? kubeconfig = null,
        string? baseDirectory = null)
    {
        var connector = Create(name, baseDirectory) with
        {
            Server = NullIfBlank(server),
            ClusterName = NullIfBlank(clusterName),
            Namespace = NullIfBlank(@namespace),
            InsecureSkipTlsVerify = insecureSkipTlsVerify,
            TlsServerName = NullIfBlank(tlsServerName),
            ExpiresAt = expiresAt,
        };
        if (autoConfigure)
        {
            return connector.WithAutoConfigure(new KubernetesAutoConfigureRequest(NullIfBlank(context), NullIfBlank(kubeconfig)));
        }

        var method = KubernetesAuthMethod.Token;
        if (!string.IsNullOrWhiteSpace(authMethod) && !KubernetesAuthMethodNames.TryParse(authMethod, out method))
        {
            throw new KubernetesConnectorException(
                RuleCode(ConnectorRule.InvalidAuthMethod),
                "The auth method '" + authMethod + "' of connector '" + name + "' is not supported. Use 'token' or 'password'.");
        }

        if (method == KubernetesAuthMethod.Password)
        {
            connector = connector.WithPasswordAuth();
        }
        else if (string.IsNullOrWhiteSpace(clientCertificate))
        {
            connector = connector.WithTokenAuth();
        }
        else
        {
            connector = connector.WithClientCertificate(
                KubernetesConnectorInput.Material(clientCertificate),
                string.IsNullOrWhiteSpace(clientKeyPath) ? null : KubernetesConnectorInput.Material(clientKeyPath));
        }

        return string.IsNullOrWhiteSpace(certificateAuthority)
            ? connector
            : connector.WithCertificateAuthority(KubernetesConnectorInput.Material(certificateAuthority));
    }

    /// <summary>Uses the token method with the token from <paramref name="tokenParameter"/>, or from <c>{name}-token</c> when <see langword="null"/>.</summary>
    /// <param name="tokenParameter">The token parameter name.</param>
    /// <returns>The changed declaration.</returns>
    public KubernetesAppHostConnector WithTokenAuth(string? tokenParameter = null) => this with
    {
        AuthMethod = KubernetesAuthMethod.Token,
        Token = KubernetesConnectorInput.Parameter(tokenParameter ?? ConnectorParameterNames.Token(Name)),
        Username = null,
        Password = null,
    };

    /// <summary>
    /// Uses the password method with <paramref name="usernameParameter"/> and <paramref name="passwordParameter"/>
    /// (<c>{name}-username</c> and <c>{name}-password</c> when <see langword="null"/>). Token and client certificate are dropped.
    /// </summary>
    /// <param name="usernameParameter">The username parameter name.</param>
    /// <param name="passwordParameter">The password parameter name.</param>
    /// <returns>The changed declaration.</returns>
    public KubernetesAppHostConnector WithPasswordAuth(string? usernameParameter = null, string? passwordParameter = null) => this with
    {
        AuthMethod = KubernetesAuthMethod.Password,
        Token = null,
        ClientCertificate = null,
        ClientKey = null,
        Username = KubernetesConnectorInput.Parameter(usernameParameter ?? ConnectorParameterNames.Username(Name)),
        Password = KubernetesConnectorInput.Parameter(passwordParameter ?? ConnectorParameterNames.Password(Name)),
    };

    /// <summary>Verifies the server with <paramref name="certificateAuthority"/>, or the <c>{name}-certificate-authority</c> parameter when <see langword="null"/>.</summary>
    /// <param name="certificateAuthority">The CA input.</param>
    /// <returns>The changed declaration.</returns>
    public KubernetesAppHostConnector WithCertificateAuthority(KubernetesConnectorInput? certificateAuthority = null) => this with
    {
        CertificateAuthority = certificateAuthority ?? KubernetesConnectorInput.Parameter(ConnectorParameterNames.CertificateAuthority(Name)),
    };

    /// <summary>
    /// Authenticates with a client certificate and key (token method), from the given inputs or the
    /// <c>{name}-client-certificate</c> and <c>{name}-client-key</c> parameters.
    /// </summary>
    /// <param name="certificate">The certificate input.</param>
    /// <param name="key">The key input: a parameter or a path.</param>
    /// <returns>The changed declaration.</returns>
    public KubernetesAppHostConnector WithClientCertificate(KubernetesConnectorInput? certificate = null, KubernetesConnectorInput? key = null) => this with
    {
        AuthMethod = KubernetesAuthMethod.Token,
        Username = null,
        Password = null,
        ClientCertificate = certificate ?? KubernetesConnectorInput.Parameter(ConnectorParameterNames.ClientCertificate(Name)),
        ClientKey = key ?? KubernetesConnectorInput.Parameter(ConnectorParameterNames.ClientKey(Name)),
    };

    /// <summary>Lifts <paramref name="request"/>'s kubeconfig context when the app host starts.</summary>
    /// <param name="request">The context and kubeconfig to lift.</param>
    /// <returns>The changed declaration.</returns>
    public KubernetesAppHostConnector WithAutoConfigure(KubernetesAutoConfigureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return this with { AutoConfigure = request };
    }

    /// <summary>
    /// The Aspire parameters this connector reads in <paramref name="mode"/>. In publish mode an auto-configured
    /// connector turns into parameters (<c>{name}-server</c> unless a server is given, <c>{name}-token</c>,
    /// <c>{name}-certificate-authority</c>) and a client key given as a path into <c>{name}-client-key</c>:
    /// local credentials are never written into a manifest.
    /// </summary>
    /// <param name="mode">Run or publish.</param>
    /// <returns>The parameters, each once, in connection string order.</returns>
    public IReadOnlyList<KubernetesConnectorParameter> GetParameters(KubernetesConnectorHostMode mode)
    {
        var found = new List<KubernetesConnectorParameter>();
        void Add(string name, bool secret)
        {
            if (!found.Exists(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(new KubernetesConnectorParameter(name, secret));
            }
        }

        if (AutoConfigure is not null)
        {
            if (mode == KubernetesConnectorHostMode.Publish)
            {
                if (Server is null)
                {
                    Add(ConnectorParameterNames.Server(Name), secret: false);
                }

                Add(ConnectorParameterNames.Token(Name), secret: true);
                Add(ConnectorParameterNames.CertificateAuthority(Name), secret: true);
            }

            return found;
        }

        foreach (var input in new[] { Token, Username, Password, CertificateAuthority, ClientCertificate })
        {
            if (input is { IsParameter: true })
            {
                Add(input.Text, secret: true);
            }
        }

        if (ClientKey is { IsParameter: true })
        {
            Add(ClientKey.Text, secret: true);
        }
        else if (ClientKey is not null && mode == KubernetesConnectorHostMode.Publish)
        {
            Add(ConnectorParameterNames.ClientKey(Name), secret: true);
        }

        return found;
    }

    /// <summary>
    /// Checks the declaration itself (names, URL, method fields, material, contradictions) with the rules
    /// the runtime, the MSBuild task and the CLI share; codes are <c>KC4000+rule</c>. Parameter values are not
    /// known here: they are checked when the app host starts.
    /// </summary>
    /// <param name="now">The time expiry is checked against; the current time when <see langword="null"/>.</param>
    /// <returns>The problems found, errors and warnings.</returns>
    public IReadOnlyList<KubernetesConnectorDiagnostic> Validate(DateTimeOffset? now = null)
    {
        var certificateByParameter = ClientCertificate is { IsParameter: true } || ClientKey is { IsParameter: true };
        var declaration = new ConnectorDeclaration
        {
            Name = Name,
            Server = Server,
            AuthMethod = AuthMethod.ToWireName(),
            ClusterName = ClusterName,
            Namespace = Namespace,
            CertificateAuthority = CertificateAuthority is { IsParameter: false } ca ? ca.Text : null,
            ClientCertificate = certificateByParameter ? null : ClientCertificate?.Text,
            ClientKey = certificateByParameter ? null : ClientKey?.Text,
            InsecureSkipTlsVerify = InsecureSkipTlsVerify ? "true" : null,
            TlsServerName = TlsServerName,
            ExpiresAt = ExpiresAt?.ToString("O", CultureInfo.InvariantCulture),
            BaseDirectory = BaseDirectory,
        };
        var options = new DeclarationValidationOptions { SecretsSupplied = false, ForbidInlineSecrets = true, Now = now };
        var diagnostics = new List<KubernetesConnectorDiagnostic>();
        foreach (var found in DeclarationValidator.Validate(declaration, options))
        {
            if (AutoConfigure is not null && found.Rule == ConnectorRule.MissingServer)
            {
                continue; // the context brings the server
            }

            var severity = found.Severity == DeclarationSeverity.Error ? KubernetesDiagnosticSeverity.Error : KubernetesDiagnosticSeverity.Warning;
            diagnostics.Add(new KubernetesConnectorDiagnostic(found.Code(KubernetesHostingErrorCodes.RuleBase), severity, found.Message, found.Field));
        }

        if (InsecureSkipTlsVerify && CertificateAuthority is { IsParameter: true } && !diagnostics.Exists(d => d.Code == RuleCode(ConnectorRule.CertificateAuthorityWithInsecure)))
        {
            diagnostics.Add(new KubernetesConnectorDiagnostic(
                RuleCode(ConnectorRule.CertificateAuthorityWithInsecure),
                KubernetesDiagnosticSeverity.Error,
                "A certificate authority parameter and InsecureSkipTlsVerify were both given; they contradict each other. Remove WithInsecureSkipTlsVerify() to verify the server with the CA, or remove the CA.",
                "InsecureSkipTlsVerify"));
        }

        return diagnostics;
    }

    /// <inheritdoc />
    public override string ToString() =>
        "Kubernetes connector '" + Name + "' (" + (AutoConfigure is not null ? "auto-configured" : Server ?? "no server") + ", " + AuthMethod.ToWireName() + ")";

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string RuleCode(ConnectorRule rule) => ConnectorRules.Code(KubernetesHostingErrorCodes.RuleBase, rule);
}
