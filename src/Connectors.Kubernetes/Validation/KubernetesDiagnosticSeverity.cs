namespace Connectors.Kubernetes;

/// <summary>How serious a connector diagnostic is.</summary>
public enum KubernetesDiagnosticSeverity
{
    /// <summary>The connector works, but something deserves attention.</summary>
    Warning,

    /// <summary>The connector cannot be used.</summary>
    Error,
}
