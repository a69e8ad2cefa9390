using System.CommandLine;
using Connectors.Kubernetes.Cli.Output;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>Options that several verbs share, made once so their names and help read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Project() => new("--project", "-p")
    {
        Description = "The app host project file, or the folder that holds it. Default: the project in the current folder.",
        HelpName = "path",
    };

    public static Option<string> Output()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "How to print the result: table (for people), json or yaml (for scripts; schema in docs/cli.md).",
            HelpName = "table|json|yaml",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json", "yaml");
        return option;
    }

    /// <summary>The kubeconfig <c>login</c> writes and <c>logout</c> edits: kubectl's own choice unless given.</summary>
    public static Option<string?> KubeconfigFile(string verb) => new("--kubeconfig")
    {
        Description = $"The kubeconfig file to {verb}. Default: the first file of KUBECONFIG, else ~/.kube/config.",
        HelpName = "file",
    };

    /// <summary>The name of the cluster, user and context entries <c>login</c> writes (and <c>logout</c> removes).</summary>
    public static Option<string?> ContextName(string description) => new("--context-name")
    {
        Description = description,
        HelpName = "name",
    };

    public static Argument<string> ConnectorName(string description = "The connector's name.") => new("NAME")
    {
        Description = description,
    };

    public static OutputFormat ParseFormat(string? text) => text switch
    {
        "json" => OutputFormat.Json,
        "yaml" => OutputFormat.Yaml,
        _ => OutputFormat.Table,
    };
}
