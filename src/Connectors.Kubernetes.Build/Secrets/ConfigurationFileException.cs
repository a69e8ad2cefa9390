namespace Connectors.Kubernetes.Build.Secrets;

/// <summary>A configuration file that is not valid JSON. Carries the position only, never content.</summary>
internal sealed class ConfigurationFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> at a 1-based position (0 when unknown).</summary>
    public ConfigurationFileException(string path, long line, long column)
        : base("'" + path + "' is not valid JSON (line " + line + ", column " + column + ").")
    {
        FilePath = path;
        Line = line;
        Column = column;
    }

    /// <summary>The file that failed to parse.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the error, 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>1-based column of the error, 0 when unknown.</summary>
    public long Column { get; }
}
