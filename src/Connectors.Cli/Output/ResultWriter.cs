using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectors.Kubernetes.Cli.Infrastructure;

namespace Connectors.Kubernetes.Cli.Output;

/// <summary>
/// Prints a command's result in the chosen format. Every verb describes its result once as a JSON
/// tree (the documented machine schema) and once as tables for people; JSON and YAML are both written
/// from the same tree, so the two machine formats can never disagree.
/// </summary>
internal static class ResultWriter
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(CliContext context, OutputFormat format, JsonNode data, Action<TableConsole> renderTables)
    {
        switch (format)
        {
            case OutputFormat.Json:
                context.Output.WriteLine(data.ToJsonString(s_json));
                break;
            case OutputFormat.Yaml:
                context.Output.Write(YamlText.Write(data));
                break;
            default:
                renderTables(new TableConsole(context.Output, context.Width));
                break;
        }

        context.Output.Flush();
    }
}
