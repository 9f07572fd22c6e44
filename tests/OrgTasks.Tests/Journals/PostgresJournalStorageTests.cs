using Npgsql;
using OrgTasks.Leaflets;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Journals;

/// <summary>How the PostgreSQL journals store things: texts once, one row per hop, one row per route.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Journals")]
public sealed class PostgresJournalStorageTests(PostgresFixture postgres)
{
    private readonly string _run = "s" + Guid.NewGuid().ToString("N")[..10] + "-";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_statement_text_is_stored_once_however_many_hops_it_takes()
    {
        await using var journals = JournalSet.Postgres(postgres.ConnectionString);
        var statement = new Statement { Id = _run + "s1", Author = "a", To = Addressee.Committee, Text = "long text", WrittenAt = T0 };
        for (var hop = 0; hop < 7; hop++)
        {
            var holder = _run + "holder-" + hop;
            await journals.Statements.AcceptAsync(holder, [new HeldStatement
            {
                Statement = statement,
                Hop = new StatementHop { StatementId = statement.Id, Holder = holder, Role = HopRole.Unit, Unit = holder, AcceptedAt = T0 },
            }]);
        }

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM journal_statements WHERE statement_id = $1", statement.Id));
        Assert.Equal(7, await CountAsync("SELECT count(*) FROM journal_hops WHERE statement_id = $1", statement.Id));
    }

    [Fact]
    public async Task A_leaflet_text_is_stored_once_however_many_units_accept_it()
    {
        await using var journals = JournalSet.Postgres(postgres.ConnectionString);
        var leaflet = new Leaflet { Id = _run + "l1", Issuer = "c", Scope = "c", Title = "t", Text = "text", IssuedAt = T0 };
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => journals.Leaflets.AcceptAsync(_run + "unit-" + i, leaflet, T0)));

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM journal_leaflets WHERE leaflet_id = $1", leaflet.Id));
        Assert.Equal(300, await CountAsync("SELECT count(*) FROM journal_unit_leaflets WHERE leaflet_id = $1", leaflet.Id));
    }

    [Fact]
    public async Task A_route_is_one_row_however_many_times_it_is_delivered()
    {
        await using var journals = JournalSet.Postgres(postgres.ConnectionString);
        for (var home = 0; home < 42; home++)
        {
            var mask = new ulong[1];
            mask[0] = 1UL << home;
            await journals.Deliveries.RecordAsync(_run + "l1", "agent-1", "agent-1", 42, mask, T0);
        }

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM journal_deliveries WHERE leaflet_id = $1", _run + "l1"));
        Assert.Equal(42, (await journals.Deliveries.FindAsync(_run + "l1", "agent-1"))?.HomesReached);
    }

    private async Task<long> CountAsync(string sql, string key)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = key } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
