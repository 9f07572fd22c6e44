using System.Net;
using System.Net.Sockets;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>Ports on loopback that nothing listens on right now: for a test silo, and for a gateway that cannot answer.</summary>
public static class FreeTcpPort
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var listener in listeners) listener.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }
}
