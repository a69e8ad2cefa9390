namespace Connectors.Kubernetes.Cli.Output;

/// <summary>The table shapes the verbs print.</summary>
internal static class Tables
{
    /// <summary>Creates a table with the given column headers.</summary>
    public static TextTable Create(params string[] headers) => new(headers);

    /// <summary>A two-column PROPERTY / VALUE table with a title.</summary>
    public static TextTable Properties(string title, IEnumerable<KeyValuePair<string, string>> rows)
    {
        var table = new TextTable("PROPERTY", "VALUE") { Title = title };
        foreach (var (key, value) in rows)
        {
            table.Row(key, value);
        }

        return table;
    }
}
