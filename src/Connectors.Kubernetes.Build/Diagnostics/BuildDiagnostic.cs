using Connectors.Kubernetes.Build.Locations;

namespace Connectors.Kubernetes.Build.Diagnostics;

/// <summary>
/// One finding of the build-time validation, ready to be logged. Messages never contain a secret value:
/// they name parameters, files and metadata, never what a secret holds.
/// </summary>
/// <param name="Code">The <c>KC2xxx</c> code.</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Location">Where in which project file the cause is written.</param>
internal sealed record BuildDiagnostic(string Code, BuildSeverity Severity, string Message, SourceLocation Location);
