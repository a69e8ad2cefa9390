
namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>Builds the <see cref="CliContext"/> of the real process.</summary>
internal static class ProcessContext
{
    public static CliContext Create()
    {
        var outputIsTerminal = !Console.IsOutputRedirected;
        var width = outputIsTerminal ? Math.Max(Console.WindowWidth, 80) : 160;
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40)
        {
            width = columns;
        }

        return new CliContext(Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable)
        {
            IsOutputTerminal = outputIsTerminal,
            Width = width,
            SecretPrompt = Console.IsInputRedirected ? null : new TerminalSecretPrompt(),
        };
    }
}
