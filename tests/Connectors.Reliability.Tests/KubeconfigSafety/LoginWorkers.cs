using System.Diagnostics;

namespace Connectors.Reliability.Tests.KubeconfigSafety;

/// <summary>Starts <c>Connectors.Kubernetes.LoginWorker</c> processes (copied next to the test assembly).</summary>
internal static class LoginWorkers
{
    public const string Server = "https://127.0.0.1:6443";

    private static string WorkerPath => Path.Combine(AppContext.BaseDirectory, "Connectors.Kubernetes.LoginWorker.dll");

    /// <summary>Starts a worker; the token travels in its environment, never in its argument list.</summary>
    public static Process Start(string mode, string kubeconfig, string name, string token, TimeSpan? lockWait = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { WorkerPath, mode, kubeconfig, name, Server })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LOGIN_WORKER_TOKEN"] = token;
        if (lockWait is { } wait)
        {
            start.Environment["LOGIN_WORKER_LOCK_WAIT_MS"] = ((int)wait.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Process.Start(start)!;
    }

    /// <summary>SIGKILL on Linux: no finally block, no dispose, no lock release runs.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}
