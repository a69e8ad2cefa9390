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
