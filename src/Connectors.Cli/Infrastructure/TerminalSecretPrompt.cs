using Spectre.Console;

namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>
/// The real hidden prompt. It is drawn on standard error, so standard output stays clean for results
/// even when it is redirected, and what is typed is never echoed.
/// </summary>
internal sealed class TerminalSecretPrompt : ISecretPrompt
{
    public string ReadSecret(string label)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        return console.Prompt(new TextPrompt<string>(Markup.Escape(label) + ":").Secret().AllowEmpty());
    }
}
