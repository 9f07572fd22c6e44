using Npgsql;
using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Statements;

namespace OrgTasks.Tests.Cluster;

/// <summary>What the failover tests send and count: statements with ids made here, and their arrivals in the database.</summary>
public static class Traffic
{
    /// <summary>
    /// Sends as an author until the agent acknowledges, always with the same id, as a client app that lost an answer
    /// would: a send that reached its hop before the failure is recognised by its id and not stored twice.
    /// </summary>
    public static async Task SendUntilAcknowledgedAsync(OrgTasksClient client, string author, StatementDraft draft, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                await client.As(Actor.Agent(author), () => client.Grains.GetGrain<IAgentGrain>(author).SendStatement(draft))
                    .WaitAsync(TimeSpan.FromSeconds(20));
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>
    /// Waits until every one of <paramref name="ids"/> has arrived at the committee's inbox; if they do not in time, the
    /// failure says where the first missing ones are held and by whom, as the ledger knows it.
    /// </summary>
    public static async Task AllArrivedAsync(OrgTasksClient client, string database, string committee, IReadOnlyList<string> ids, TimeSpan limit)
    {
        try
        {
            await Infrastructure.Poll.UntilAsync(() => ArrivalsAsync(database, committee), a => a.Rows >= ids.Count, limit,
                $"all {ids.Count:N0} statements in the inbox");
        }
        catch (TimeoutException timeout)
        {
            var arrived = (await client.GetInboxAsync(committee, 10_000)).Select(e => e.Statement.Id).ToHashSet();
            var missing = ids.Where(id => !arrived.Contains(id)).ToList();
            var where = new List<string>();
            foreach (var id in missing.Take(10))
            {
                try
                {
                    var route = await client.GetRouteAsync(id);
                    where.Add($"{id}: at {route.Where ?? "(nowhere)"}, hops {string.Join(" > ", route.Hops.Select(h => $"{h.Holder}{(h.PassedAt is null ? "*" : "")}"))}");
                }
                catch (Exception error)
                {
                    where.Add($"{id}: {error.GetType().Name}: {error.Message}");
                }
            }
            throw new TimeoutException($"{timeout.Message}; {missing.Count} missing (* = held, not passed on):\n{string.Join("\n", where)}", timeout);
        }
    }

    /// <summary>Arrival rows at a committee's inbox, and distinct statements among them: exactly once is rows = distinct.</summary>
    public static async Task<(long Rows, long Distinct)> ArrivalsAsync(string database, string committee)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*), count(DISTINCT statement_id) FROM journal_hops WHERE role = 2 AND holder = @c", db);
        count.Parameters.AddWithValue("c", committee);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
