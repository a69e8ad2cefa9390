using System.Globalization;

namespace Connectors.Kubernetes.Tests.Clients;

/// <summary>Counts TCP connections as the kernel sees them (Linux <c>/proc/net/tcp</c>, <c>/proc/net/tcp6</c>).</summary>
internal static class TcpTable
{
    private const string Established = "01";

    public static bool IsAvailable => File.Exists("/proc/net/tcp");

    /// <summary>
    /// Established connections whose local end is <paramref name="port"/>: the connections a server
    /// listening there has accepted and not closed. (Counting by remote port would also count, on a
    /// busy machine, unrelated connections of other servers whose client happened to use that number.)
    /// </summary>
    public static int AcceptedBy(int port)
    {
        var count = 0;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1];
                var localPort = int.Parse(local[(local.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (localPort == port && fields[3] == Established)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
