using System.Text;

namespace Connectors.Kubernetes.Cli.Projects;

/// <summary>Renders an item element on one line: <c>&lt;Name Include="…" Key="value" … /&gt;</c>.</summary>
internal static class ItemText
{
    public static string Render(string itemName, string include, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var builder = new StringBuilder();
        builder.Append('<').Append(itemName).Append(" Include=\"").Append(Escape(include)).Append('"');
        foreach (var (key, value) in metadata)
        {
            builder.Append(' ').Append(key).Append("=\"").Append(Escape(value)).Append('"');
        }

        return builder.Append(" />").ToString();
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\n' => "&#xA;",
                '\r' => "&#xD;",
                '\t' => "&#x9;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
