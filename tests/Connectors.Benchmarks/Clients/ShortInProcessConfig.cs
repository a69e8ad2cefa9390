using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Connectors.Benchmarks.Clients;

/// <summary>
/// A short in-process job: the loopback cluster runs inside the benchmark process, and figures
/// recorded by the benchmarks (sockets opened) are visible to the report columns.
/// </summary>
internal class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig() =>
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess"));
}
