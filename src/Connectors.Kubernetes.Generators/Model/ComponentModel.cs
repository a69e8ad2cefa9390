using Connectors.Kubernetes.Generators.Common;

namespace Connectors.Kubernetes.Generators.Model;

/// <summary>What a component's generated surface needs: its namespace, the connectors it requires and what it can call.</summary>
internal sealed record ComponentModel(
    string Namespace,
    EquatableArray<ConnectorIdentity> Connectors,
    bool EmitRegistration,
    bool EmitClientAccessors,
    bool EmitConnectorAccessors);
