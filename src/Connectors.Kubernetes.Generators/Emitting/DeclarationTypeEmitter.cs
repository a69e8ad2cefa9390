using Connectors.Kubernetes.Generators.Common;

namespace Connectors.Kubernetes.Generators.Emitting;

/// <summary>
/// Emits <c>KubernetesConnectorDeclaration</c>, the type of every generated declaration. It is emitted
/// rather than shipped so that app hosts get it without depending on one runtime assembly version, and
/// it depends only on the namespace, so it is regenerated only when that changes.
/// </summary>
internal static class DeclarationTypeEmitter
{
    private const string LabelsType = "global::System.Collections.Generic.IReadOnlyDictionary<string, string>";

    private static readonly (string Type, string Name, string Doc)[] Properties =
    {
        ("string", "Name", "The connector name (also its Aspire resource name and the prefix of its parameter names)."),
        ("string?", "Server", "The API server URL, or <see langword=\"null\"/> when it comes from a kubeconfig (auto-configuration)."),
        ("string?", "AuthMethod", "<c>token</c> or <c>password</c>, or <see langword=\"null\"/> when it comes from a kubeconfig."),
        ("string?", "ClusterName", "The declared cluster name, if any."),
        ("string?", "EffectiveClusterName", "The declared cluster name, else the server's host name (without scheme or port)."),
        ("string?", "Namespace", "The default Kubernetes namespace, if any."),
        ("string?", "CertificateAuthority", "The certificate authority as declared: a path (relative to <see cref=\"BaseDirectory\"/>), inline PEM or base64. Public data."),
        ("string?", "ClientCertificate", "The client certificate as declared (a path, inline PEM or base64). Public data."),
        ("string?", "ClientKeyPath", "The path of the client key file, if any; key material itself is never part of a declaration."),
        ("bool", "InsecureSkipTlsVerify", "Whether TLS verification of the server is switched off (never together with a certificate authority)."),
        ("string?", "TlsServerName", "The server name to verify the server certificate against, if it differs from the URL's host."),
        ("global::System.DateTimeOffset?", "ExpiresAt", "When the credentials expire, if declared."),
        (LabelsType, "Labels", "The declared labels (<c>Labels=\"team=ml;env=prod\"</c>)."),
        ("bool", "IsDefault", "Whether this is the app host's default connector."),
        ("bool", "AutoConfigure", "Whether the connection is taken from a kubeconfig context when the app host starts."),
        ("string?", "Context", "The kubeconfig context to auto-configure from (the current context when <see langword=\"null\"/>)."),
        ("string?", "Kubeconfig", "The kubeconfig file to auto-configure from (kubectl's rules when <see langword=\"null\"/>)."),
        ("string?", "BaseDirectory", "The project directory: the base of relative paths in this declaration."),
    };

    private static readonly (string Suffix, string Property, string What)[] Parameters =
    {
        ("token", "TokenParameterName", "bearer token"),
        ("username", "UsernameParameterName", "user name (password authentication)"),
        ("password", "PasswordParameterName", "password (password authentication)"),
        ("certificate-authority", "CertificateAuthorityParameterName", "certificate authority, when not declared in the project"),
        ("client-certificate", "ClientCertificateParameterName", "client certificate"),
        ("client-key", "ClientKeyParameterName", "client key"),
    };

    /// <summary>Returns the source of <see cref="HintNames.DeclarationType"/> in <paramref name="ns"/>.</summary>
    public static string Emit(string ns)
    {
        var w = GeneratedCode.StartFile("the Connectors.Kubernetes package");
        w.Open("namespace " + ns);
        w.Line("/// <summary>");
        w.Line("/// A Kubernetes connector declared by a <c>KubernetesConnector</c> item of this app host's project file.");
        w.Line("/// It holds no secret: token, user name, password and keys are Aspire parameters whose names it gives.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode.Attribute);
        w.Open("internal sealed class KubernetesConnectorDeclaration");
        w.Summary("Creates a declaration (generated code calls this; see <c>KubernetesConnectorDeclarations</c>).");
        foreach (var (_, name, _) in Properties)
        {
            w.Line("/// <param name=\"" + Camel(name).TrimStart('@') + "\">See <see cref=\"" + name + "\"/>.</param>");
        }

        // Every parameter but the name is optional, so declarations spell out only what was declared.
        w.Line("public KubernetesConnectorDeclaration(");
        for (var i = 0; i < Properties.Length; i++)
        {
            var (type, name, _) = Properties[i];
            var parameter = i == 0 ? type + " " + Camel(name) : ParameterType(type) + " " + Camel(name) + " = " + DefaultOf(type);
            w.Line("    " + parameter + (i == Properties.Length - 1 ? ")" : ","));
        }

        w.Line("{");
        foreach (var (type, name, _) in Properties)
        {
            w.Line("    " + name + " = " + Camel(name) + (type.StartsWith(LabelsType, System.StringComparison.Ordinal) ? " ?? NoLabels" : string.Empty) + ";");
        }

        w.Line("}");
        w.Line();
        w.Line("private static readonly " + LabelsType + " NoLabels = new global::System.Collections.Generic.Dictionary<string, string>(0);");
        foreach (var (type, name, doc) in Properties)
        {
            w.Line();
            w.Summary(doc);
            w.Line("public " + type + " " + name + " { get; }");
        }

        foreach (var (suffix, property, what) in Parameters)
        {
            w.Line();
            w.Summary("The name of the Aspire parameter holding the " + what + ": <c>{Name}-" + suffix + "</c>.");
            w.Line("public string " + property + " => Name + \"-" + suffix + "\";");
        }

        w.Line();
        w.Summary("Returns the connector name (a declaration holds no secret, but says so only by name).");
        w.Line("/// <returns>The connector name.</returns>");
        w.Line("public override string ToString() => Name;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string ParameterType(string type) => type == LabelsType ? type + "?" : type;

    private static string DefaultOf(string type) => type == "bool" ? "false" : "null";

    // The parameter names are C# identifiers; '@' keeps the one that is a keyword ("namespace") legal.
    private static string Camel(string name)
    {
        var camel = char.ToLowerInvariant(name[0]) + name.Substring(1);
        return camel == "namespace" ? "@namespace" : camel;
    }
}
