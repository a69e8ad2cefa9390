using System.Diagnostics;
using System.Text.Json;

namespace Connectors.Tests.Shared;

/// <summary>
/// Runs the real kubectl, only ever against kubeconfigs whose servers are loopback (kubectl here contacts them
/// even for <c>config</c>). One file, linked into every test project that proves kubeconfig compatibility.
/// </summary>
internal static class Kubectl
{
    public const string Path = "/usr/bin/kubectl";

    public static bool IsAvailable => File.Exists(Path);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string kubeconfig, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary><c>kubectl config view --raw -o json</c>, parsed; fails the test when kubectl cannot read the file.</summary>
    public static async Task<JsonElement> ViewAsync(string kubeconfig)
    {
        var (exit, output, error) = await RunAsync(kubeconfig, "config", "view", "--raw", "-o", "json");
        Assert.True(exit == 0, $"kubectl config view failed ({exit}): {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary><c>kubectl config get-contexts -o name</c>.</summary>
    public static async Task<IReadOnlyList<string>> ContextNamesAsync(string kubeconfig)
    {
        var (exit, output, error) = await RunAsync(kubeconfig, "config", "get-contexts", "-o", "name");
        Assert.True(exit == 0, $"kubectl config get-contexts failed ({exit}): {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The entry called <paramref name="name"/> in a section of a <see cref="ViewAsync"/> result, as JSON text.</summary>
    public static string? Entry(JsonElement view, string section, string name) =>
        view.TryGetProperty(section, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.GetProperty("name").GetString() == name).Select(e => e.GetRawText()).FirstOrDefault()
            : null;

    public static IReadOnlyList<string> Names(JsonElement view, string section) =>
        view.TryGetProperty(section, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(e => e.GetProperty("name").GetString()!)]
            : [];
}
