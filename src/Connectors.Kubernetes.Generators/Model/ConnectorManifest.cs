using Connectors.Kubernetes.Generators.Common;

namespace Connectors.Kubernetes.Generators.Model;

/// <summary>The items of one manifest file, and what could not be read from it.</summary>
internal sealed record ConnectorManifest(ConnectorItemKind Kind, EquatableArray<ConnectorItem> Items, EquatableArray<DiagnosticInfo> Diagnostics);
