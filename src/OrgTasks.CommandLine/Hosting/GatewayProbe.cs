using System.Net;
using System.Net.Sockets;
using OrgTasks.Client.Connection;

namespace OrgTasks.Cli.Hosting;

/// <summary>
/// A quick TCP knock on the gateways before the Orleans client starts. The client itself retries a refused gateway
/// until its start-up timeout and then only says "a task was canceled"; the knock answers "connection refused" in
/// milliseconds and names each gateway, which is what a user who forgot to start the silo needs to read.
/// </summary>
internal static class GatewayProbe
{
    private static readonly TimeSpan KnockTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Returns when at least one gateway accepts a connection; otherwise throws with every gateway's reason.</summary>
    public static async Task RequireOneAsync(IReadOnlyList<string> gateways, CancellationToken cancellation)
    {
        var endpoints = gateways.Select(g => (Gateway: g, Endpoint: OrgTasksConnection.ParseGateway(g))).ToList();
        var knocks = endpoints.Select(e => KnockAsync(e.Endpoint, cancellation)).ToList();
        var failures = new List<string>();
        while (knocks.Count > 0)
        {
            var done = await Task.WhenAny(knocks);
            var reason = await done;
            if (reason is null) return;
            failures.Add(reason);
            knocks.Remove(done);
        }
        var named = endpoints.Zip(failures, (e, reason) => $"{e.Gateway}: {reason}");
        throw new CliException($"cannot reach an OrgTasks silo ({string.Join("; ", named)}); is `orgtasks silo` running?");
    }

    /// <summary>Null when the endpoint accepted a connection, else why not.</summary>
    private static async Task<string?> KnockAsync(IPEndPoint endpoint, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(KnockTimeout);
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token);
            return null;
        }
        catch (SocketException error)
        {
            return error.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : error.Message;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return $"no answer within {KnockTimeout.TotalSeconds:0} s";
        }
    }
}
