using System.Diagnostics;

namespace Connectors.Kubernetes.Testing.Tests.Support;

/// <summary>Runs the real kubectl against a kubeconfig the server emitted (loopback only).</summary>
public static class Kubectl
{
    private static readonly Lazy<string?> Path = new(Find);

    public static bool IsAvailable => Path.Value is not null;

    public static void SkipIfMissing() => Skip.If(!IsAvailable, "kubectl is not installed (install the Debian package kubernetes-client, as .ci/run does)");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string kubeconfig, params string[] arguments)
        => await RunAsync(kubeconfig, TimeSpan.FromSeconds(60), null, arguments);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string kubeconfig, TimeSpan timeout, Func<string, bool>? stopWhen, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Value!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A private cache directory: no state shared with the machine's kubectl or other tests.
        start.Environment["KUBECACHEDIR"] = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(kubeconfig)!, ".kube-cache");
        start.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
                if (stopWhen?.Invoke(output.ToString()) == true)
                {
                    seen.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            if (stopWhen is null)
            {
                await process.WaitForExitAsync(cts.Token);
            }
            else
            {
                await Task.WhenAny(seen.Task, process.WaitForExitAsync(cts.Token));
            }
        }
        catch (OperationCanceledException)
        {
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.WaitForExit();
        var errorText = await error;
        lock (output)
        {
            return (process.ExitCode, output.ToString(), errorText);
        }
    }

    private static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator))
        {
            var candidate = System.IO.Path.Combine(directory, "kubectl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
