using System.Diagnostics;

namespace Connectors.Playground;

/// <summary>Prints numbered steps with their duration, so progress is visible while the story runs.</summary>
internal sealed class ConsoleProgress(TextWriter output)
{
    private int _step;

    public async Task<T> StepAsync<T>(string title, Func<Task<T>> action)
    {
        _step++;
        output.WriteLine($"[{_step}] {title} ...");
        var watch = Stopwatch.StartNew();
        var result = await action().ConfigureAwait(false);
        output.WriteLine($"    done in {watch.Elapsed.TotalMilliseconds:F0} ms");
        return result;
    }

    public Task StepAsync(string title, Func<Task> action) =>
        StepAsync(title, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        });

    public void Detail(string line) => output.WriteLine("    " + line);

    public void Block(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            output.WriteLine("    " + line.TrimEnd('\r'));
        }
    }
}
