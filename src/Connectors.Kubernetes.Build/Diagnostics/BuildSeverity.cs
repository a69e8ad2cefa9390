namespace Connectors.Kubernetes.Build.Diagnostics;

/// <summary>How MSBuild reports a <see cref="BuildDiagnostic"/>.</summary>
internal enum BuildSeverity
{
    /// <summary>Reported with <c>LogWarning</c>, so <c>NoWarn</c>, <c>WarningsAsErrors</c> and <c>TreatWarningsAsErrors</c> apply.</summary>
    Warning,

    /// <summary>Reported with <c>LogError</c>; fails the build.</summary>
    Error,
}
