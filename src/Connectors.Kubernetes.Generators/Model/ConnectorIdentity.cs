namespace Connectors.Kubernetes.Generators.Model;

/// <summary>A valid connector name and the C# identifier chosen for it.</summary>
internal sealed record ConnectorIdentity(string Name, string Identifier);
