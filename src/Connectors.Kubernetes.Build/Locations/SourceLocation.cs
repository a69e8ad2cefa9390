namespace Connectors.Kubernetes.Build.Locations;

/// <summary>A position in a project file; line and column are 1-based, 0 when unknown.</summary>
/// <param name="File">Full path of the file.</param>
/// <param name="Line">1-based line, or 0.</param>
/// <param name="Column">1-based column, or 0.</param>
internal sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location that names only the file.</summary>
    public static SourceLocation FileOnly(string file) => new(file, 0, 0);
}
