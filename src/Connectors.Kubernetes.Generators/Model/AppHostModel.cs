using Connectors.Kubernetes.Generators.Common;

namespace Connectors.Kubernetes.Generators.Model;

/// <summary>What an app host's generated declarations need.</summary>
internal sealed record AppHostModel(string Namespace, string? ProjectDirectory, EquatableArray<DeclaredConnector> Connectors);
