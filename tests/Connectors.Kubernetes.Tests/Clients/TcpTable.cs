using k8s;
using System.Globalization;

namespace Connectors.Kubernetes.Tests.Clients;

/// <summary>Counts TCP connections as the kernel sees them (Linux <c>/proc/net/tcp</c>, <c>/proc/net/tcp6</c>).</summary>
internal static class TcpTable
{
    private const string Established = "01";

    public static bool IsAvailable => File.Exists("/proc/net/tcp");

    /// <summary>Established connections whose remote end is <paramref name="port"/>: the client side of connections to that server.</summary>
    public static int EstablishedTo(int port)
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
                var remote = fields[2];
                var remotePort = int.Parse(remote[(remote.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (remotePort == port && fields[3] == Established)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
