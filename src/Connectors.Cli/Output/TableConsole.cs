namespace Connectors.Kubernetes.Cli.Output;

/// <summary>Where the table form of a result is written: lines of text and tables, laid out to the console width.</summary>
internal sealed class TableConsole
{
    private readonly TextWriter _writer;
    private readonly int _width;

    public TableConsole(TextWriter writer, int width)
    {
        _writer = writer;
        _width = width;
    }

    public void WriteLine(string text = "") => _writer.WriteLine(text);

    public void Write(TextTable table) => table.Write(_writer, _width);
}
