using System.CommandLine;
using System.CommandLine.Invocation;
using Connectors.Kubernetes.Cli.Commands;
using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli;

/// <summary>
/// Runs one command line: parses it, turns parse errors into KC5100, runs the verb, and turns every
/// expected failure into one coded error line (plus a line saying how to fix it) and an exit code.
/// Tests call <see cref="RunAsync"/> with a <see cref="CliContext"/> of their own; the process entry
/// point calls it with the real console.
/// </summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = CommandTree.Build(context);

        // Response files are off: "@path" is how secrets are read from files, and System.CommandLine would
        // otherwise splice the file's contents into the argument list.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"error {CliDiagnostics.InvalidCommandLine.Code}: {error.Message}");
            }

            var verb = parse.CommandResult.Command is RootCommand ? string.Empty : " " + parse.CommandResult.Command.Name;
            context.Error.WriteLine($"  fix: run 'dotnet connector{verb} --help' to see what the command takes.");
            return CliDiagnostics.InvalidCommandLine.ExitCode;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            return Report(context, ex.Code, ex.Message, ex.Hint, ex.ExitCode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (Exception ex) when (KnownFailures.Translate(ex) is { } failure)
        {
            return Report(context, failure.Code, failure.Message, failure.Hint, failure.ExitCode);
        }
    }

    private static int Report(CliContext context, string code, string message, string? hint, int exitCode)
    {
        context.Error.WriteLine($"error {code}: {message}");
        if (hint is not null)
        {
            context.Error.WriteLine($"  fix: {hint}");
        }

        context.Error.Flush();
        return exitCode;
    }
}
