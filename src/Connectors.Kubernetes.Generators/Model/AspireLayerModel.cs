using Connectors.Kubernetes.Generators.Common;

namespace Connectors.Kubernetes.Generators.Model;

/// <summary>
/// Input of the Aspire-facing layer, emitted only when the compilation sees
/// <c>Aspire.Hosting.IDistributedApplicationBuilder</c>.
/// </summary>
/// <param name="Namespace">The app-host namespace (where the declarations live too).</param>
/// <param name="HasDeclarations">Whether <c>KubernetesConnectorDeclaration</c> is generated in this compilation.</param>
/// <param name="Connectors">The valid declarations (may be empty: code-first app hosts declare in C#).</param>
internal sealed record AspireLayerModel(string Namespace, bool HasDeclarations, EquatableArray<DeclaredConnector> Connectors);
