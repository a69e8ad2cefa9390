using System.Text.RegularExpressions;

namespace Connectors.Kubernetes.Build.Tests.RealBuilds;

/// <summary>The outcome of one <c>dotnet build</c>: exit code, full output and the coded lines in it.</summary>
internal sealed partial class BuildResult
{
    public BuildResult(int exitCode, string output, string root)
    {
        ExitCode = exitCode;
        Output = output;
        Diagnostics = output.Split('\n')
            .Select(line => DiagnosticLine().Match(line.Trim()))
            .Where(match => match.Success)
            .Select(match => match.Groups["text"].Value.Replace(root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public int ExitCode { get; }

    public string Output { get; }

    /// <summary>Each distinct <c>file(line,col): severity KCnnnn: message</c> line, paths relative to the test root.</summary>
    public IReadOnlyList<string> Diagnostics { get; }

    /// <summary>The diagnostics without their messages: <c>file(line,col): severity KCnnnn</c>.</summary>
    public IReadOnlyList<string> Heads => Diagnostics.Select(d => d[..d.IndexOf(": ", d.IndexOf("): ", StringComparison.Ordinal) + 3, StringComparison.Ordinal)]).ToList();

    public override string ToString() => "exit " + ExitCode + "\n" + Output;

    [GeneratedRegex(@"^(\d+(:\d+)?>)?(?<text>.+\(\d+,\d+\): (error|warning) KC\d{4}: .*?)( \[[^\]]+\])?$")]
    private static partial Regex DiagnosticLine();
}
