using Connectors.Kubernetes.Generators.Common;
using Connectors.Kubernetes.Generators.Model;

namespace Connectors.Kubernetes.Generators.Emitting;

/// <summary>
/// Emits the Aspire-facing layer of an app host: source compiled against the user's own Aspire version
/// (see DESIGN, "Aspire without the Aspire package"). The generator calls this only when the compilation
/// sees <c>Aspire.Hosting.IDistributedApplicationBuilder</c>.
/// </summary>
/// <remarks>
/// The content belongs to the hosting integration (issue 8); this first version emits a marker type only,
/// so the mechanism (detection, hint name, caching, golden file, compile test) is in place and tested.
/// Replace the body of <see cref="Emit"/>; <see cref="AspireLayerModel"/> carries the namespace and the
/// valid declarations (and whether <c>KubernetesConnectorDeclaration</c> exists in the compilation).
/// </remarks>
internal static class AspireLayerEmitter
{
    /// <summary>Returns the source of <see cref="HintNames.AspireLayer"/>.</summary>
    public static string Emit(AspireLayerModel model)
    {
        var w = GeneratedCode.StartFile("the Connectors.Kubernetes package for this Aspire app host");
        w.Open("namespace " + model.Namespace);
        w.Summary("The Kubernetes connector integration compiled into this Aspire app host.");
        w.Line(GeneratedCode.Attribute);
        w.Open("internal static partial class KubernetesConnectorAspireLayer");
        w.Summary("The names of the connectors declared in the project file, in project-file order.");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> DeclaredConnectorNames { get; } = new string[]");
        w.Line("{");
        foreach (var connector in model.Connectors)
        {
            w.Line("    " + CSharpText.Literal(connector.Identity.Name) + ",");
        }

        w.Line("};");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
