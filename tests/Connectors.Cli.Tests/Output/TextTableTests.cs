using Connectors.Kubernetes.Cli.Output;

namespace Connectors.Cli.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void Renders_borders_title_and_multi_line_cells()
    {
        var table = new TextTable("NAME", "AUTH METHODS") { Title = "Types" }.Row("kubernetes", "password\ntoken");
        using var writer = new StringWriter { NewLine = "\n" };
        table.Write(writer, 80);

        Assert.Equal(
            """
                        Types
            ╭────────────┬──────────────╮
            │ NAME       │ AUTH METHODS │
            ├────────────┼──────────────┤
            │ kubernetes │ password     │
            │            │ token        │
            ╰────────────┴──────────────╯

            """.ReplaceLineEndings("\n"),
            writer.ToString());
    }

    [Fact]
    public void Long_text_wraps_at_spaces_to_fit_the_width_and_short_columns_keep_their_words()
    {
        var table = new TextTable("FIELD", "DESCRIPTION").Row("ClientKeyData", "The client private key matching the certificate, given as a PEM file path.");
        using var writer = new StringWriter { NewLine = "\n" };
        table.Write(writer, 40);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(line.Length <= 40, line));
        Assert.Contains(lines, line => line.StartsWith("│ ClientKeyData │", StringComparison.Ordinal));
        var description = string.Join(' ', lines.Skip(3).SkipLast(1).Select(line => line.Split('│')[2].Trim()));
        Assert.Equal("The client private key matching the certificate, given as a PEM file path.", description);
    }
}
