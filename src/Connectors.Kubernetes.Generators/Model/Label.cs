namespace Connectors.Kubernetes.Generators.Model;

/// <summary>One <c>key=value</c> entry of a declaration's <c>Labels</c> metadata.</summary>
internal sealed record Label(string Key, string Value);
