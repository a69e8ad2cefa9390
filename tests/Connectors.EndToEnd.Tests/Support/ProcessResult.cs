namespace Connectors.EndToEnd.Tests.Support;

/// <summary>What a finished child process left behind.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    /// <summary>Throws with the whole output when the process failed, so a failing step explains itself.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Command}' exited with {ExitCode}:{Environment.NewLine}{Output}");
        }

        return this;
    }
}
