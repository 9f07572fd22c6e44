using Npgsql;
using NpgsqlTypes;
using OrgTasks.Audit;
using OrgTasks.Grains.Audit;
using OrgTasks.Postgres.Journals;

namespace OrgTasks.Postgres.Audit;

/// <summary>
/// The audit trail in PostgreSQL (<c>audit_trail</c>, Schema/020_audit.sql): one insert per batch of lines, through the
/// journals' connections. Officers' acts are rare and refusals come counted per minute, so no batching writer is needed.
/// </summary>
public sealed class PgAuditTrail(PgJournalStore store) : IAuditTrail
{
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0) return;
        await store.ExecuteAsync(
            """
            INSERT INTO audit_trail (at, actor, action, target, outcome, reason, count)
            SELECT * FROM unnest(@at, @actor, @action, @target, @outcome, @reason, @count)
            """,
            p =>
            {
                p.Add(new NpgsqlParameter<DateTimeOffset[]>("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = entries.Select(e => e.At.ToUniversalTime()).ToArray() });
                p.Add(new NpgsqlParameter<string[]>("actor", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = entries.Select(e => e.Actor).ToArray() });
                p.Add(new NpgsqlParameter<string[]>("action", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = entries.Select(e => e.Action).ToArray() });
                p.Add(new NpgsqlParameter<string[]>("target", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = entries.Select(e => e.Target).ToArray() });
                p.Add(new NpgsqlParameter<short[]>("outcome", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = entries.Select(e => (short)e.Outcome).ToArray() });
                p.Add(new NpgsqlParameter<string[]>("reason", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = entries.Select(e => e.Reason).ToArray() });
                p.Add(new NpgsqlParameter<int[]>("count", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = entries.Select(e => e.Count).ToArray() });
            });
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query)
    {
        // The actor filter is applied here, by the same rule as the memory store, over the newest lines since the time
        // asked: the trail is small (officers' acts and per-minute refusal counts), and one rule is worth more than SQL.
        var rows = await store.ListAsync(
            """
            SELECT at, actor, action, target, outcome, reason, count FROM audit_trail
            WHERE at >= @since ORDER BY at DESC, seq DESC LIMIT @scan
            """,
            p =>
            {
                p.AddWithValue("since", (query.Since ?? DateTimeOffset.UnixEpoch).ToUniversalTime());
                p.AddWithValue("scan", string.IsNullOrWhiteSpace(query.Actor) ? query.Limit : AuditQuery.MaxLimit * 10);
            },
            r => new AuditEntry
            {
                At = r.GetFieldValue<DateTimeOffset>(0),
                Actor = r.GetString(1),
                Action = r.GetString(2),
                Target = r.GetString(3),
                Outcome = (AuditOutcome)r.GetInt16(4),
                Reason = r.GetString(5),
                Count = r.GetInt32(6),
            });
        return rows.Where(e => AuditMatch.Actor(e.Actor, query.Actor)).Take(Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit)).ToList();
    }
}
