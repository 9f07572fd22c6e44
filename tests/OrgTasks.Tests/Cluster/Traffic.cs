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
                await OrgTasksClient.As(Actor.Agent(author), () => client.Grains.GetGrain<IAgentGrain>(author).SendStatement(draft))
                    .WaitAsync(TimeSpan.FromSeconds(20));
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
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
