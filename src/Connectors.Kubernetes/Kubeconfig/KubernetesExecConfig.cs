using System.Text;

namespace Connectors.Kubernetes.Kubeconfig;

/// <summary>
/// An exec credential plugin from a kubeconfig user (<c>users[].user.exec</c>): a command that prints an
/// <c>ExecCredential</c> with a token or a client certificate. Relative command paths are already
/// resolved against the kubeconfig file that defined them; bare command names are looked up on PATH.
/// </summary>
public sealed record KubernetesExecConfig
{
    /// <summary>The command to run.</summary>
    public required string Command { get; init; }

    /// <summary>The arguments, passed as a list (never through a shell).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Extra environment variables for the plugin. Values may be sensitive and are never printed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>The <c>client.authentication.k8s.io</c> API version the plugin speaks.</summary>
    public required string ApiVersion { get; init; }

    /// <summary><c>Never</c>, <c>IfAvailable</c> or <c>Always</c>.</summary>
    public string InteractiveMode { get; init; } = "IfAvailable";

    /// <summary>Whether the cluster information is passed in <c>KUBERNETES_EXEC_INFO</c>.</summary>
    public bool ProvideClusterInfo { get; init; }

    /// <summary>The kubeconfig's hint shown when the command is missing.</summary>
    public string? InstallHint { get; init; }

    /// <summary>The plugin's <c>config</c> from the cluster's <c>extensions</c> entry <c>client.authentication.k8s.io/exec</c>, as JSON, if any.</summary>
    public string? ClusterConfigJson { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder("exec ").Append(Command);
        foreach (var argument in Arguments)
        {
            builder.Append(' ').Append(argument);
        }

        if (Environment.Count > 0)
        {
            builder.Append(" (env: ").AppendJoin(", ", Environment.Select(e => e.Key)).Append(')');
        }

        return builder.ToString();
    }
}
