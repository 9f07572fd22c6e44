using Npgsql;
using OrgTasks.Audit;
using OrgTasks.Grains.Audit;
using OrgTasks.Postgres.Audit;
using OrgTasks.Postgres.Journals;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Security;

/// <summary>One contract for the audit trail, run on memory and on PostgreSQL.</summary>
[Trait("Category", "Security")]
public abstract class AuditTrailContract : IAsyncLifetime
{
    protected IAuditTrail Trail { get; private set; } = null!;

    /// <summary>An actor no other test uses, so tests sharing one database never see each other's lines.</summary>
    private readonly string _actor = "agent:a" + Guid.NewGuid().ToString("N")[..10];

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract IAuditTrail Open();

    public Task InitializeAsync()
    {
        Trail = Open();
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lines_come_back_newest_first_filtered_by_actor_and_time()
    {
        var other = "agent:b" + Guid.NewGuid().ToString("N")[..10];
        await Trail.AppendAsync([
            Line(_actor, "arrest", T0),
            Line($"operator:cli as {_actor}", "warn", T0.AddMinutes(1)),
            Line(other, "vote", T0.AddMinutes(2)),
            Line(_actor, "refused", T0.AddMinutes(3), AuditOutcome.Refused, count: 17),
        ]);

        var mine = await Trail.ReadAsync(new AuditQuery { Actor = _actor, Since = T0 });
        Assert.Equal(["refused", "warn", "arrest"], mine.Select(l => l.Action).ToArray());
        Assert.Equal(17, mine[0].Count);
        Assert.Equal(AuditOutcome.Refused, mine[0].Outcome);
        // By the bare id too, and the operator acting as the agent counts as the agent's line.
        Assert.Equal(3, (await Trail.ReadAsync(new AuditQuery { Actor = _actor["agent:".Length..], Since = T0 })).Count);
        Assert.Equal(["refused", "warn"], (await Trail.ReadAsync(new AuditQuery { Actor = _actor, Since = T0.AddMinutes(1) })).Select(l => l.Action).ToArray());
        Assert.Single(await Trail.ReadAsync(new AuditQuery { Actor = _actor, Since = T0, Limit = 1 }));
    }

    [Fact]
    public async Task A_line_keeps_every_field()
    {
        var line = Line(_actor, "credential.issue", T0, reason: "c-0011, expires 2026-04-01") with { Target = "kolya" };
        await Trail.AppendAsync([line]);
        Assert.Equal(line, Assert.Single(await Trail.ReadAsync(new AuditQuery { Actor = _actor, Since = T0 })));
    }

    protected static AuditEntry Line(string actor, string action, DateTimeOffset at, AuditOutcome outcome = AuditOutcome.Done, int count = 1, string reason = "") =>
        new() { At = at, Actor = actor, Action = action, Target = "t", Outcome = outcome, Reason = reason, Count = count };
}

[Trait("Category", "Security")]
public sealed class MemoryAuditTrailTests : AuditTrailContract
{
    protected override IAuditTrail Open() => new MemoryAuditTrail();
}

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresAuditTrailTests(PostgresFixture postgres) : AuditTrailContract
{
    private PgJournalStore? _store;

    protected override IAuditTrail Open()
    {
        _store = new PgJournalStore(postgres.ConnectionString);
        return new PgAuditTrail(_store);
    }

    public override async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    [Fact]
    public async Task The_table_refuses_to_change_or_delete_a_line()
    {
        await Trail.AppendAsync([Line("operator:cli", "apply", T0Now())]);
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE audit_trail SET actor = 'nobody'", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText);
        await using var delete = new NpgsqlCommand("DELETE FROM audit_trail", connection);
        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).MessageText);
    }

    private static DateTimeOffset T0Now() => DateTimeOffset.UtcNow;
}
