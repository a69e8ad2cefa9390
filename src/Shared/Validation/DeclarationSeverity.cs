// Shared source: compiled into the runtime, the MSBuild task and the CLI. BCL only.
namespace Connectors.Kubernetes.Validation;

/// <summary>How serious a declaration diagnostic is.</summary>
internal enum DeclarationSeverity
{
    /// <summary>The declaration works but something deserves attention.</summary>
    Warning,

    /// <summary>The declaration cannot be used.</summary>
    Error,
}
