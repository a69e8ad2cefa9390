using System.Diagnostics;

namespace Connectors.Kubernetes.Generators.Tests.Infrastructure;

/// <summary>Runs the real <c>dotnet</c> CLI (no node reuse, no compiler server: nothing is left running).</summary>
internal static class DotnetCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " did not finish in 4 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary><c>dotnet build</c> with the settings every real-build test uses.</summary>
    public static (int ExitCode, string Output) Build(string projectDirectory) =>
        Run(projectDirectory, "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
}
