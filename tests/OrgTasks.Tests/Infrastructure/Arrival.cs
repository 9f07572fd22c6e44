using OrgTasks.Client;
using OrgTasks.Statements;

namespace OrgTasks.Tests.Infrastructure;

/// <summary>Waiting for a statement to be settled, the one way every test waits for it.</summary>
public static class Arrival
{
    /// <summary>
    /// Until the statement is in its addressee's inbox and every hop before the inbox has recorded its hand-over. The
    /// "passed" mark (and the holder letting go of it) comes just after the next hop's acknowledgement, so a reader can
    /// see the arrival a moment before the last marks: a test that then reads holders, breaches or hop counts waits for
    /// the marks too.
    /// </summary>
    public static Task<StatementRoute> DeliveredAsync(this OrgTasksClient client, string id, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => client.GetRouteAsync(id), r => r.Delivered && r.Hops.SkipLast(1).All(h => h.PassedAt is not null),
            timeout, $"statement {id} delivered");
}
