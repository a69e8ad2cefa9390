namespace Connectors.Kubernetes.Cli.Output;

/// <summary>How a read verb prints its result (<c>--output</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Tables for people (the default).</summary>
    Table,

    /// <summary>JSON for programs; the schema is documented in docs/cli.md and kept stable.</summary>
    Json,

    /// <summary>YAML with the same shape as the JSON.</summary>
    Yaml,
}
