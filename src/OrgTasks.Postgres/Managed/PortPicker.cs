using System.Net;
using System.Net.Sockets;

namespace OrgTasks.Postgres.Managed;

/// <summary>
/// Chooses a free loopback port for a new managed server. The search starts outside Linux's ephemeral range
/// (32768–60999): a port from that range can be taken by any outgoing connection later, and the managed server's port
/// is meant to stay the same across runs.
/// </summary>
internal static class PortPicker
{
    private const int First = 25432;
    private const int Last = 26431;

    public static int PickFree(IReadOnlySet<int>? avoid = null)
    {
        // Start at a random place in the range so that two servers created at the same moment rarely collide.
        var span = Last - First + 1;
        var offset = Random.Shared.Next(span);
        for (var i = 0; i < span; i++)
        {
            var port = First + (offset + i) % span;
            if (avoid?.Contains(port) == true) continue;
            if (IsFree(port)) return port;
        }
        throw new PostgresSetupException($"no free port between {First} and {Last} on 127.0.0.1 for the managed PostgreSQL");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
