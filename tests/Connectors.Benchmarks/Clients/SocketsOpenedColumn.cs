using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Connectors.Benchmarks.Clients;

/// <summary>
/// A report column with the TCP connections one invocation of a benchmark opened. Benchmarks using it
/// run in process, so the figure they record here is the one the column shows.
/// </summary>
internal sealed class SocketsOpenedColumn : IColumn
{
    public static ConcurrentDictionary<string, int> Recorded { get; } = new(StringComparer.Ordinal);

    public string Id => nameof(SocketsOpenedColumn);

    public string ColumnName => "Sockets";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "TCP connections opened by one invocation (10,000 sequential requests)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Recorded.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var sockets) ? sockets.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
