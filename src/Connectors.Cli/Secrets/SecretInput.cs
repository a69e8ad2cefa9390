using System.Text;
using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli.Secrets;

/// <summary>
/// Turns what was given for a secret option into the secret: <c>@path</c> reads a file, <c>-</c> reads
/// standard input, an option given without a value asks at a hidden prompt, and a literal value is
/// accepted with a warning that it is visible to every user of the machine in the process list.
/// </summary>
internal static class SecretInput
{
    /// <summary>Resolves one secret option.</summary>
    /// <param name="context">The command's context (prompt, stdin, warnings).</param>
    /// <param name="option">The option's name for messages, e.g. <c>--token</c>.</param>
    /// <param name="given">Whether the option appeared on the command line.</param>
    /// <param name="value">Its value, or null when it appeared without one.</param>
    /// <returns>The secret, or null when the option was not given.</returns>
    public static string? Resolve(CliContext context, string option, bool given, string? value)
    {
        if (!given)
        {
            return null;
        }

        if (value is null)
        {
            if (context.SecretPrompt is null)
            {
                throw new CliException(
                    CliDiagnostics.NoTerminalForSecret,
                    $"{option} was given without a value and there is no terminal to ask for it.",
                    $"Pass {option} @<file> to read it from a file, or {option} - to read it from standard input.");
            }

            return context.SecretPrompt.ReadSecret(option.TrimStart('-'));
        }

        if (value == "-")
        {
            // Found by the reliability fuzzer: a second '-' read a Console.In the first had disposed (KC5121).
            // Standard input is read once, to its end, and never disposed: it belongs to the process.
            if (context.StandardInputTaken)
            {
                throw new CliException(
                    CliDiagnostics.ConflictingOptions,
                    $"{option} - would read standard input a second time: only one secret option can take '-'.",
                    $"Give {option} as @<file>, or without a value to be asked for it.");
            }

            context.StandardInputTaken = true;
            return TrimLineEnd(context.StandardInput.ReadToEnd());
        }

        if (value.StartsWith('@') && value.Length > 1)
        {
            var path = context.ResolvePath(value[1..]);
            try
            {
                return TrimLineEnd(File.ReadAllText(path, Encoding.UTF8));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException(
                    CliDiagnostics.SecretFileUnreadable,
                    $"The file given for {option} cannot be read: '{path}' ({ex.GetType().Name}).",
                    "Check the path after '@' (relative paths start at the current folder).",
                    ex);
            }
        }

        context.Warn(
            CliDiagnostics.SecretOnCommandLine,
            $"the value of {option} was given on the command line, where other users of this machine can read it in the process list and it stays in your shell history; prefer {option} @<file> or {option} with no value to be asked for it.");
        return value;
    }

    /// <summary>Drops the final line break an editor or <c>echo</c> leaves (the secret itself is kept as is).</summary>
    private static string TrimLineEnd(string text) => text.TrimEnd('\r', '\n');
}
