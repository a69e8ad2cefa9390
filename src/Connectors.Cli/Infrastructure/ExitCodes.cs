namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>
/// The process exit codes of <c>dotnet connector</c>. They are part of the tool's contract (README,
/// docs/cli.md): scripts branch on them, so a value never changes meaning.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure or a file that could not be read or written.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown verb or option, missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>Something named does not exist: connector, project, kubeconfig context, secret file.</summary>
    public const int NotFound = 3;

    /// <summary>The connector declaration is invalid (bad URL, certificate that does not parse, …).</summary>
    public const int Invalid = 4;

    /// <summary>The change conflicts with the current state: the connector exists already, a lock is held.</summary>
    public const int Conflict = 5;

    /// <summary>The cluster could not be reached or refused the credentials (verify, login, register).</summary>
    public const int ClusterAccess = 6;
}
