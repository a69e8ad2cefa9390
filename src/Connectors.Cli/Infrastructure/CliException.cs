namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>
/// An expected failure of a command: it carries a <c>KC5xxx</c> code, a message that says what is
/// wrong, a hint that says how to fix it, and the process exit code. Messages never contain a secret.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(CliDiagnostic diagnostic, string message, string? hint = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Diagnostic = diagnostic;
        Hint = hint;
    }

    public CliException()
        : this(CliDiagnostics.Unexpected, "The command failed.")
    {
    }

    public CliException(string message)
        : this(CliDiagnostics.Unexpected, message)
    {
    }

    public CliException(string message, Exception innerException)
        : this(CliDiagnostics.Unexpected, message, null, innerException)
    {
    }

    /// <summary>The coded diagnostic this failure reports.</summary>
    public CliDiagnostic Diagnostic { get; }

    /// <summary>What the user can do about it, or <see langword="null"/>.</summary>
    public string? Hint { get; }

    /// <summary>The code, e.g. <c>KC5105</c>.</summary>
    public string Code => Diagnostic.Code;

    /// <summary>The process exit code for this failure.</summary>
    public int ExitCode => Diagnostic.ExitCode;
}
