using System.Net;
using System.Net.Sockets;

namespace OrgTasks.Cli.Hosting;

/// <summary>
/// Refuses to start a silo on a port another process already listens on. Orleans binds with address reuse, which on
/// Linux means SO_REUSEPORT: a second silo on the same ports starts "fine" and the kernel then splits clients between
/// the two. A plain bind without reuse fails on a port in use, which is the check wanted here.
/// </summary>
internal static class PortCheck
{
    public static void RequireFree(int port, string option)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            var why = error.SocketErrorCode == SocketError.AccessDenied ? "may not be used by this user" : "is already in use";
            throw new CliException($"cannot start the silo: {option} {port} {why} (is another silo running? pick another with {option})");
        }
    }
}
