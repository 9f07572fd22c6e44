using System.Net;
using System.Net.Sockets;

namespace OrgTasks.Cli.Hosting;

/// <summary>Ports nobody is listening on, for a silo that must not collide with one already running (the demo, the load
/// test, and the tests' silos and unreachable gateways).</summary>
public static class FreePorts
{
    /// <summary>
    /// Asks the system for <paramref name="count"/> distinct free ports on loopback. They are released before the silo
    /// binds them, so another process could take one in between; on a workstation that race is remote.
    /// </summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            foreach (var listener in listeners) listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }
}
