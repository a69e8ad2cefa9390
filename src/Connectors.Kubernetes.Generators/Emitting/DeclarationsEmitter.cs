using System.Globalization;
using Connectors.Kubernetes.Generators.Common;
using Connectors.Kubernetes.Generators.Model;

namespace Connectors.Kubernetes.Generators.Emitting;

/// <summary>
/// Emits <c>KubernetesConnectorDeclarations</c>: one typed, secret-free declaration per valid
/// <c>KubernetesConnector</c> item, for <c>builder.AddKubernetesConnector(KubernetesConnectorDeclarations.KubeProd)</c>.
/// </summary>
internal static class DeclarationsEmitter
{
    /// <summary>Returns the source of <see cref="HintNames.Declarations"/>.</summary>
    public static string Emit(AppHostModel model)
    {
        var w = GeneratedCode.StartFile("this project's KubernetesConnector items");
        w.Open("namespace " + model.Namespace);
        w.Summary("The Kubernetes connectors declared by this app host's <c>KubernetesConnector</c> items.");
        w.Line(GeneratedCode.Attribute);
        w.Open("internal static class KubernetesConnectorDeclarations");
        var first = true;
        foreach (var connector in model.Connectors)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            EmitDeclaration(w, model, connector);
        }

        w.Line();
        w.Summary("Every declared connector, in project-file order.");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<KubernetesConnectorDeclaration> All { get; } = new KubernetesConnectorDeclaration[]");
        w.Line("{");
        foreach (var connector in model.Connectors)
        {
            w.Line("    " + connector.Identity.Identifier + ",");
        }

        w.Line("};");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitDeclaration(IndentedWriter w, AppHostModel model, DeclaredConnector c)
    {
        var how = c.AutoConfigure
            ? "auto-configured from " + (c.Context is null ? "the current kubeconfig context" : "the kubeconfig context <c>" + CSharpText.Xml(c.Context) + "</c>")
            : "<c>" + CSharpText.Xml(c.Server ?? string.Empty) + "</c>, " + c.AuthMethod + " authentication";
        w.Line("/// <summary>The Kubernetes connector <c>" + CSharpText.Xml(c.Identity.Name) + "</c>: " + how + ".</summary>");
        var arguments = new System.Collections.Generic.List<string> { "name: " + CSharpText.Literal(c.Identity.Name) };
        void Text(string parameter, string? value)
        {
            if (value is not null)
            {
                arguments.Add(parameter + ": " + CSharpText.Literal(value));
            }
        }

        void Flag(string parameter, bool value)
        {
            if (value)
            {
                arguments.Add(parameter + ": true");
            }
        }

        Text("server", c.Server);
        Text("authMethod", c.AuthMethod);
        Text("clusterName", c.ClusterName);
        Text("effectiveClusterName", c.EffectiveClusterName);
        Text("@namespace", c.Namespace);
        Text("certificateAuthority", c.CertificateAuthority);
        Text("clientCertificate", c.ClientCertificate);
        Text("clientKeyPath", c.ClientKeyPath);
        Flag("insecureSkipTlsVerify", c.InsecureSkipTlsVerify);
        Text("tlsServerName", c.TlsServerName);
        if (c.ExpiresAt is not null)
        {
            arguments.Add("expiresAt: global::System.DateTimeOffset.ParseExact(" + CSharpText.Literal(c.ExpiresAt) + ", \"O\", global::System.Globalization.CultureInfo.InvariantCulture)");
        }

        if (c.Labels.Count > 0)
        {
            var labels = new System.Text.StringBuilder("labels: new global::System.Collections.Generic.Dictionary<string, string>(" + c.Labels.Count.ToString(CultureInfo.InvariantCulture) + ", global::System.StringComparer.Ordinal) { ");
            foreach (var label in c.Labels)
            {
                labels.Append('[').Append(CSharpText.Literal(label.Key)).Append("] = ").Append(CSharpText.Literal(label.Value)).Append(", ");
            }

            arguments.Add(labels.Append('}').ToString());
        }

        Flag("isDefault", c.IsDefault);
        Flag("autoConfigure", c.AutoConfigure);
        Text("context", c.Context);
        Text("kubeconfig", c.Kubeconfig);
        Text("baseDirectory", model.ProjectDirectory);

        w.Line("public static KubernetesConnectorDeclaration " + c.Identity.Identifier + " { get; } = new KubernetesConnectorDeclaration(");
        for (var i = 0; i < arguments.Count; i++)
        {
            w.Line("    " + arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
        }
    }
}
