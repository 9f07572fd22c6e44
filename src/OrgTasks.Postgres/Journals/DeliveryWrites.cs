using Npgsql;
using OrgTasks.Grains.Durability;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The delivery journal's part of a group commit: one upsert of every route's mask, merged with OR in the database.
/// The answer (merged record, newly reached homes) comes back from RETURNING, exact under any concurrency because the
/// merge happens under the row lock. An upsert may touch a row once per command, so deliveries to the same route in one
/// commit go in successive rounds, one command each, in the order they were queued.
/// </summary>
/// <remarks>
/// The mask is a <c>varbit</c>, not a <c>bigint[]</c>: PostgreSQL ORs, ANDs and counts bit strings natively, while an
/// array needs a subquery per merge. Measured on 24,000 routes of 42 homes: fresh inserts cost the same (115 against
/// 108 ms), the merge of every route again took 252 ms against 723 ms, and the mask is 13 bytes against 29.
/// </remarks>
internal sealed class DeliveryWrites : IWriteSection
{
    // On conflict the old row (t) and the incoming mask (excluded) are fitted to one length (o, n) and merged: the
    // overlap is duplicates, the bits only in n are the homes this caller newly reached.
    private static readonly string Upsert = $"""
        INSERT INTO journal_deliveries AS t
            (leaflet_id, route, delivered_by, homes_on_route, delivered, delivered_at, duplicates, last_newly)
        SELECT k.leaflet_id, k.route, nullif(k.delivered_by, k.route), k.homes, k.mask, k.at, 0, bit_count(k.mask)
        FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::varbit[], $6::timestamptz[])
             AS k(leaflet_id, route, delivered_by, homes, mask, at)
        ON CONFLICT (leaflet_id, route) DO UPDATE
        SET (delivered, last_newly, duplicates, delivered_at, delivered_by, homes_on_route) = (
            SELECT m.o | m.n, bit_count(m.n & ~m.o), t.duplicates + bit_count(m.n & m.o),
                   CASE WHEN bit_count(m.n & ~m.o) > 0 THEN excluded.delivered_at ELSE t.delivered_at END,
                   excluded.delivered_by, excluded.homes_on_route
            FROM (SELECT journal_mask_fit(t.delivered, length(excluded.delivered)) AS o,
                         journal_mask_fit(excluded.delivered, length(t.delivered)) AS n) AS m)
        RETURNING {DeliveryRows.SelectList.Replace("d.", "t.", StringComparison.Ordinal)}
        """;

    private readonly List<List<RecordDeliveryWrite>> _rounds = [];
    private readonly Dictionary<(string Leaflet, string Route), int> _seen = [];

    public void Add(RecordDeliveryWrite write)
    {
        // The n-th write to a route in this batch goes in round n: each round touches a route at most once.
        var key = (write.LeafletId, write.Route);
        var round = _seen.TryGetValue(key, out var count) ? count : 0;
        _seen[key] = round + 1;
        if (round == _rounds.Count) _rounds.Add([]);
        _rounds[round].Add(write);
    }

    public void AddCommands(NpgsqlBatch batch)
    {
        foreach (var round in _rounds)
        {
            // Key order: two writers upserting the same routes lock them in the same order, never in a cycle.
            round.Sort((a, b) =>
            {
                var byLeaflet = string.CompareOrdinal(a.LeafletId, b.LeafletId);
                return byLeaflet != 0 ? byLeaflet : string.CompareOrdinal(a.Route, b.Route);
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Upsert)
            {
                Parameters =
                {
                    Param.Texts(round.Select(w => w.LeafletId).ToArray()),
                    Param.Texts(round.Select(w => w.Route).ToArray()),
                    Param.Texts(round.Select(w => w.DeliveredBy).ToArray()),
                    Param.Ints(round.Select(w => w.HomesOnRoute).ToArray()),
                    Param.Bits(round.Select(w => Masks.ToBits(w.Homes)).ToArray()),
                    Param.Times(round.Select(w => Columns.Utc(w.At)).ToArray()),
                },
            });
        }
    }

    public async Task ReadAsync(ResultCursor results, CancellationToken cancellation)
    {
        foreach (var round in _rounds)
        {
            var byKey = round.ToDictionary(w => (w.LeafletId, w.Route));
            var reader = await results.NextAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var record = DeliveryRows.Read(reader);
                byKey[(record.LeafletId, record.Route)].Resolve(record, DeliveryRows.LastNewly(reader));
            }
        }
    }

    public Task FollowUpAsync(NpgsqlConnection connection, CancellationToken cancellation) =>
        Task.CompletedTask;
}
