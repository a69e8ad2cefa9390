using Spectre.Console;

namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>
/// Everything a command may touch outside its arguments: output streams, the working folder, the
/// environment, the secret prompt and the clock. The process entry point builds one from the real
/// process; tests build one with captured writers and a private environment, so commands never reach
/// for <see cref="Console"/> or <see cref="Environment"/> themselves.
/// </summary>
internal sealed class CliContext
{
    private IAnsiConsole? _errorConsole;

    public CliContext(TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> environment)
    {
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        Environment = environment;
    }

    /// <summary>Standard output: results only (tables, JSON, YAML, success lines).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: warnings, errors and progress.</summary>
    public TextWriter Error { get; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Reads an environment variable (tests pass a private dictionary).</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>Asks for a secret without echoing it, or <see langword="null"/> when there is no terminal.</summary>
    public ISecretPrompt? SecretPrompt { get; init; }

    /// <summary>Standard input, read by a secret option given as <c>-</c> (tests pass their own).</summary>
    public TextReader StandardInput { get; init; } = Console.In;

    /// <summary>Whether a secret option already read <see cref="StandardInput"/> to its end: a second one would get nothing.</summary>
    public bool StandardInputTaken { get; set; }

    /// <summary>Whether standard output is a terminal (spinners and colours only then).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>The width tables are laid out to.</summary>
    public int Width { get; init; } = 160;

    /// <summary>The clock (expiry computations).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A Spectre console over <see cref="Error"/>, for the spinner of long operations (created only when used).</summary>
    public IAnsiConsole ErrorConsole => _errorConsole ??= CreateConsole(Error);

    /// <summary>Resolves a path given on the command line against <see cref="WorkingDirectory"/>.</summary>
    /// <exception cref="CliException">KC5100: the text cannot be a path (empty, or it holds a NUL character).</exception>
    public string ResolvePath(string path)
    {
        // Path.GetFullPath throws ArgumentException for these; a command line that holds them is a usage error.
        if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new CliException(
                CliDiagnostics.InvalidCommandLine,
                string.IsNullOrEmpty(path) ? "A path option was given an empty value." : "A path option holds a NUL character, which no path can contain.",
                "Give the path of an existing file or folder.");
        }

        return Path.GetFullPath(path, WorkingDirectory);
    }

    /// <summary>Writes a coded warning line to standard error.</summary>
    public void Warn(CliDiagnostic diagnostic, string message) =>
        Error.WriteLine($"warning {diagnostic.Code}: {message}");

    private IAnsiConsole CreateConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = IsOutputTerminal && Environment("NO_COLOR") is null ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsOutputTerminal && Environment("NO_COLOR") is null ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsOutputTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        console.Profile.Width = Width;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}
