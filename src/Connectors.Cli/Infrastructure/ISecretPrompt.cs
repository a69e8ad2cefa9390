namespace Connectors.Kubernetes.Cli.Infrastructure;

/// <summary>Asks the person at the terminal for a secret without echoing what they type.</summary>
internal interface ISecretPrompt
{
    /// <summary>Shows <paramref name="label"/> and returns what was typed (may be empty).</summary>
    string ReadSecret(string label);
}
