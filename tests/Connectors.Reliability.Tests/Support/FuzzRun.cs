using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace Connectors.Reliability.Tests.Support;

/// <summary>
/// Drives one fuzz target: feeds it generated inputs on every core, records the slowest input and
/// fails the whole run (instead of hanging the suite) when it does not finish within its bound.
/// Fast mode runs in CI; <c>CONNECTORS_RELIABILITY_LONG=1</c> multiplies the input count by ten.
/// </summary>
internal static class FuzzRun
{
    public const string LongModeVariable = "CONNECTORS_RELIABILITY_LONG";

    public static bool LongMode => Environment.GetEnvironmentVariable(LongModeVariable) == "1";

    /// <summary>Inputs for a run: <paramref name="fast"/> normally, ten times as many in long mode.</summary>
    public static long Inputs(long fast) => LongMode ? fast * 10 : fast;

    /// <summary>
    /// Runs <paramref name="target"/> over <paramref name="count"/> inputs of <paramref name="gen"/>.
    /// A failing input is shrunk by CsCheck and reported; the run as a whole must end within
    /// <paramref name="wholeRun"/> and no single input may take longer than <paramref name="perInput"/>.
    /// </summary>
    public static async Task<FuzzReport> RunAsync<T>(
        string name, Gen<T> gen, long count, Action<T> target, ITestOutputHelper output, TimeSpan perInput, TimeSpan wholeRun, int threads = -1)
    {
        long done = 0;
        long slowestTicks = 0;
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => gen.Sample(
            input =>
            {
                var started = Stopwatch.GetTimestamp();
                target(input);
                var ticks = Stopwatch.GetTimestamp() - started;
                Interlocked.Increment(ref done);
                long seen;
                while (ticks > (seen = Interlocked.Read(ref slowestTicks)) && Interlocked.CompareExchange(ref slowestTicks, ticks, seen) != seen)
                {
                }
            },
            iter: count,
            threads: threads));

        await run.WaitAsync(wholeRun);
        clock.Stop();
        var slowest = TimeSpan.FromSeconds((double)slowestTicks / Stopwatch.Frequency);
        var report = new FuzzReport(name, Interlocked.Read(ref done), clock.Elapsed, slowest);
        output.WriteLine(report.ToString());
        Assert.True(report.Inputs >= count, $"{name}: only {report.Inputs} of {count} inputs ran");
        Assert.True(slowest < perInput, $"{name}: one input took {slowest.TotalMilliseconds:F0} ms (bound {perInput.TotalMilliseconds:F0} ms)");
        return report;
    }
}

/// <summary>What one fuzz run did (written to the test output; docs/reliability.md quotes it).</summary>
internal sealed record FuzzReport(string Target, long Inputs, TimeSpan Elapsed, TimeSpan Slowest)
{
    public override string ToString() =>
        $"fuzz {Target}: {Inputs} inputs in {Elapsed.TotalSeconds:F1} s, slowest input {Slowest.TotalMilliseconds:F1} ms";
}
