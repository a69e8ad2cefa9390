using System.IO;
using Connectors.Kubernetes.Generators.Common;
using Connectors.Kubernetes.Generators.Model;

namespace Connectors.Kubernetes.Generators.Emitting;

/// <summary>
/// Emits the Aspire-facing layer of an app host: source compiled against the user's own Aspire version
/// (see DESIGN, "Aspire without the Aspire package"). The generator calls this only when the compilation
/// sees <c>Aspire.Hosting.IDistributedApplicationBuilder</c>.
/// </summary>
/// <remarks>
/// The layer itself is fixed text, <c>AspireLayer/KubernetesConnectorAspireLayer.cs.txt</c> (an embedded
/// resource): <c>KubernetesConnectorResource</c>, <c>AddKubernetesConnector(name)</c> and the <c>With…</c>
/// methods, all forwarding to the Aspire-free <c>Connectors.Kubernetes.Hosting</c> API. When the project
/// declares connectors, an overload taking the generated <c>KubernetesConnectorDeclaration</c> is added.
/// </remarks>
internal static class AspireLayerEmitter
{
    private const string ResourceName = "Connectors.Kubernetes.Generators.AspireLayer.cs";
    private const string VersionPlaceholder = "\"Connectors.Kubernetes.Generators\", \"1.0\"";

    private static readonly string Layer = ReadLayer();

    /// <summary>Returns the source of <see cref="HintNames.AspireLayer"/>.</summary>
    public static string Emit(AspireLayerModel model)
    {
        var layer = Layer.Replace(VersionPlaceholder, "\"Connectors.Kubernetes.Generators\", \"" + GeneratedCode.Version + "\"");
        return model.HasDeclarations ? layer + DeclarationOverload(model.Namespace) : layer;
    }

    private static string DeclarationOverload(string declarationNamespace)
    {
        var declaration = "global::" + declarationNamespace + ".KubernetesConnectorDeclaration";
        var w = new IndentedWriter();
        w.Line();
        w.Open("namespace Aspire.Hosting");
        w.Line("internal static partial class KubernetesConnectorResourceBuilderExtensions");
        w.Line("{");
        w.Line("    /// <summary>");
        w.Line("    /// Adds the Kubernetes Service Connector a <c>KubernetesConnector</c> item of the project declares, e.g.");
        w.Line("    /// <c>builder.AddKubernetesConnector(KubernetesConnectorDeclarations.KubeProd)</c>. Its secrets come from the");
        w.Line("    /// parameters of the naming convention (<c>{name}-token</c>, …), created unless the app host added them.");
        w.Line("    /// </summary>");
        w.Line("    /// <param name=\"builder\">The app host builder.</param>");
        w.Line("    /// <param name=\"declaration\">The generated declaration.</param>");
        w.Line("    /// <returns>The resource builder.</returns>");
        w.Line("    public static global::Aspire.Hosting.ApplicationModel.IResourceBuilder<global::Aspire.Hosting.ApplicationModel.KubernetesConnectorResource> AddKubernetesConnector(this global::Aspire.Hosting.IDistributedApplicationBuilder builder, " + declaration + " declaration)");
        w.Line("    {");
        w.Line("        global::System.ArgumentNullException.ThrowIfNull(declaration);");
        w.Line("        return Update(builder.AddKubernetesConnector(declaration.Name), _ => global::Connectors.Kubernetes.Hosting.KubernetesAppHostConnector.FromProjectItem(");
        w.Line("            declaration.Name, declaration.Server, declaration.AuthMethod, declaration.ClusterName, declaration.Namespace,");
        w.Line("            declaration.CertificateAuthority, declaration.ClientCertificate, declaration.ClientKeyPath, declaration.InsecureSkipTlsVerify,");
        w.Line("            declaration.TlsServerName, declaration.ExpiresAt, declaration.AutoConfigure, declaration.Context, declaration.Kubeconfig,");
        w.Line("            declaration.BaseDirectory ?? builder.AppHostDirectory));");
        w.Line("    }");
        w.Line("}");
        w.Close();
        return w.ToString();
    }

    private static string ReadLayer()
    {
        using var stream = typeof(AspireLayerEmitter).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new System.InvalidOperationException("The Aspire layer resource '" + ResourceName + "' is missing from the generator.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
