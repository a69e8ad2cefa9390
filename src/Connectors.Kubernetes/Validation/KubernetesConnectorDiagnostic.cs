namespace Connectors.Kubernetes;

/// <summary>One coded finding about a connector. The message never contains a secret.</summary>
/// <param name="Code">The code, e.g. <c>KC1006</c>; see docs/diagnostics.md.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Field">The field concerned, as a <see cref="KubernetesConnectorKeys"/> name (or <c>Name</c>).</param>
public sealed record KubernetesConnectorDiagnostic(string Code, KubernetesDiagnosticSeverity Severity, string Message, string Field)
{
    /// <inheritdoc />
    public override string ToString() =>
        (Severity == KubernetesDiagnosticSeverity.Error ? "error " : "warning ") + Code + ": " + Message;
}
