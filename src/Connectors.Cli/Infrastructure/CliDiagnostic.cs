namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>One <c>KC5xxx</c> code with the exit code a failure of that kind ends the process with.</summary>
/// <param name="Code">The code, e.g. <c>KC5105</c>.</param>
/// <param name="ExitCode">One of <see cref="ExitCodes"/>.</param>
/// <param name="Title">A short title, as listed in docs/diagnostics.md.</param>
internal sealed record CliDiagnostic(string Code, int ExitCode, string Title);
