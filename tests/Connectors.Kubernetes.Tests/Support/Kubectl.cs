using System.Diagnostics;

namespace Connectors.Kubernetes.Tests.Support;

/// <summary>
/// Runs the real kubectl. Every kubeconfig handed to it points at 127.0.0.1 only (the local kubectl may
/// connect to the server even for 'config' commands); HOME is a temp directory so no user config is read.
/// </summary>
internal static class Kubectl
{
    private static readonly Lazy<string?> Location = new(() =>
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "kubectl");
            if (directory.Length != 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    });

    public const string MissingReason = "kubectl is not installed (CI installs it: .ci/run)";

    public static bool Available => Location.Value is not null;

    public static (int ExitCode, string Stdout, string Stderr) Run(string kubeconfigVariable, string home, params string[] arguments)
    {
        var start = new ProcessStartInfo(Location.Value ?? throw new InvalidOperationException(MissingReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KUBECONFIG"] = kubeconfigVariable;
        start.Environment["HOME"] = home;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kubectl did not finish in 60 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
