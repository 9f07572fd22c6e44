using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrgTasks.Cli.Hosting;

/// <summary>Ports nobody is listening on, for a silo that must not collide with one already running (the demo, the load
/// test, and the tests' silos and unreachable gateways).</summary>
public static class FreePorts
{
    /// <summary>The lowest port handed out: above the well-known and the usual registered service ports.</summary>
    private const int Lowest = 20_000;

    /// <summary>Ports this process has handed out: never twice, even once they are released again.</summary>
    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// <paramref name="count"/> distinct ports free now, drawn at random below the system's ephemeral range. A port
    /// is released before the silo binds it; one from the ephemeral range (what binding port 0 gives) may meanwhile be
    /// picked by the kernel as the local port of any outgoing connection (a pooled database connection, a silo link),
    /// and the silo then finds it in use. Below that range only another listener can take it. A port is never handed
    /// out twice by one process.
    /// </summary>
    public static int[] Take(int count)
    {
        var highest = EphemeralLow() - 1;
        var ports = new List<int>(count);
        for (var attempts = 0; ports.Count < count; attempts++)
        {
            if (attempts > 10_000) throw new InvalidOperationException($"no free port found between {Lowest} and {highest}");
            var candidate = Random.Shared.Next(Lowest, highest + 1);
            lock (Handed)
            {
                if (!Handed.Add(candidate)) continue;
            }
            if (IsFree(candidate)) ports.Add(candidate);
        }
        return [.. ports];
    }

    /// <summary>Whether nothing listens on the port, on any address (a silo binds its ports on every address).</summary>
    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Any, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux: 32768 unless configured), or 32768 where unknown.</summary>
    private static int EphemeralLow()
    {
        const int Default = 32_768;
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return range.Length > 0 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low) && low > Lowest + 1_000
                ? low
                : Default;
        }
        catch (IOException)
        {
            return Default;
        }
        catch (UnauthorizedAccessException)
        {
            return Default;
        }
    }
}
