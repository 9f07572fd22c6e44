using Npgsql;
using OrgTasks.Grains.Durability;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The leaflet journal's part of a group commit: leaflet texts (once per leaflet), unit acceptances (once per unit and
/// leaflet), and the stage moves open → complete → reported, each only from the stage before it.
/// </summary>
internal sealed class LeafletWrites : IWriteSection
{
    private const string InsertLeaflets = """
        INSERT INTO journal_leaflets (leaflet_id, issuer, scope, title, body, issued_at, deadline)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
        ON CONFLICT (leaflet_id) DO NOTHING
        """;

    private const string InsertUnitLeaflets = """
        INSERT INTO journal_unit_leaflets (unit, leaflet_id, issuer, stage, accepted_at)
        SELECT k.unit, k.leaflet_id, k.issuer, 0, k.accepted_at
        FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS k(unit, leaflet_id, issuer, accepted_at)
        ON CONFLICT (unit, leaflet_id) DO NOTHING
        RETURNING unit, leaflet_id
        """;

    private const string SelectExisting = LeafletRows.Select + """

        JOIN unnest($1::text[], $2::text[]) AS k(unit, leaflet_id) ON u.unit = k.unit AND u.leaflet_id = k.leaflet_id
        """;

    private const string Complete = """
        UPDATE journal_unit_leaflets AS u
        SET stage = 1, homes_total = k.total, homes_reached = k.reached, duplicates = k.duplicates, completed_at = k.completed_at
        FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::timestamptz[])
             AS k(unit, leaflet_id, total, reached, duplicates, completed_at)
        WHERE u.unit = k.unit AND u.leaflet_id = k.leaflet_id AND u.stage = 0
        """;

    private const string Report = """
        UPDATE journal_unit_leaflets AS u SET stage = 2
        FROM unnest($1::text[], $2::text[]) AS k(unit, leaflet_id)
        WHERE u.unit = k.unit AND u.leaflet_id = k.leaflet_id AND u.stage = 1
        """;

    // The first acceptance of a key in the batch is written; repeats in the same batch share its answer.
    private readonly Dictionary<(string Unit, string Leaflet), List<AcceptLeafletWrite>> _accepts = [];
    private readonly List<CompleteLeafletWrite> _completes = [];
    private readonly List<ReportLeafletWrite> _reports = [];
    private readonly List<(string Unit, string Leaflet)> _replayed = [];

    public void Add(AcceptLeafletWrite write)
    {
        var key = (write.Unit, write.Leaflet.Id);
        if (!_accepts.TryGetValue(key, out var same)) _accepts[key] = same = [];
        same.Add(write);
    }

    public void Add(CompleteLeafletWrite write) => _completes.Add(write);

    public void Add(ReportLeafletWrite write) => _reports.Add(write);

    public void AddCommands(NpgsqlBatch batch)
    {
        if (_accepts.Count > 0)
        {
            batch.BatchCommands.Add(LeafletsCommand());
            batch.BatchCommands.Add(UnitLeafletsCommand());
        }
        if (_completes.Count > 0) batch.BatchCommands.Add(CompleteCommand());
        if (_reports.Count > 0) batch.BatchCommands.Add(ReportCommand());
    }

    public async Task ReadAsync(ResultCursor results, CancellationToken cancellation)
    {
        if (_accepts.Count == 0) return;
        var reader = await results.NextAsync(cancellation);
        var inserted = new HashSet<(string, string)>();
        while (await reader.ReadAsync(cancellation)) inserted.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (key, writes) in _accepts)
        {
            if (!inserted.Contains(key)) { _replayed.Add(key); continue; }
            var first = writes[0];
            var record = new UnitLeafletRecord(first.Leaflet, UnitLeafletStage.Open, null, first.At);
            foreach (var write in writes) write.Resolve(record);
        }
    }

    /// <summary>
    /// Acceptances that found the key already there answer with the stored record, read after the commit: the row was
    /// there before this batch and is never deleted.
    /// </summary>
    public async Task FollowUpAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        if (_replayed.Count == 0) return;
        await using var command = new NpgsqlCommand(SelectExisting, connection)
        {
            Parameters =
            {
                Param.Texts(_replayed.Select(k => k.Unit).ToArray()),
                Param.Texts(_replayed.Select(k => k.Leaflet).ToArray()),
            },
        };
        var found = new Dictionary<(string, string), UnitLeafletRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                var (unit, record) = LeafletRows.Read(reader);
                found[(unit, record.Leaflet.Id)] = record;
            }
        }
        foreach (var key in _replayed)
        {
            foreach (var write in _accepts[key])
            {
                if (found.TryGetValue(key, out var record)) write.Resolve(record);
                else write.Unresolved();
            }
        }
    }

    private NpgsqlBatchCommand LeafletsCommand()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = _accepts.Values.Select(w => w[0].Leaflet).Where(l => seen.Add(l.Id)).ToList();
        return new NpgsqlBatchCommand(InsertLeaflets)
        {
            Parameters =
            {
                Param.Texts(rows.Select(l => l.Id).ToArray()),
                Param.Texts(rows.Select(l => l.Issuer).ToArray()),
                Param.Texts(rows.Select(l => l.Scope).ToArray()),
                Param.Texts(rows.Select(l => l.Title).ToArray()),
                Param.Texts(rows.Select(l => l.Text).ToArray()),
                Param.Times(rows.Select(l => Columns.Utc(l.IssuedAt)).ToArray()),
                Param.NullableTimes(rows.Select(l => Columns.Utc(l.Deadline)).ToArray()),
            },
        };
    }

    private NpgsqlBatchCommand UnitLeafletsCommand()
    {
        // Key order: two writers inserting the same keys wait on each other in one order, never in a cycle.
        var rows = _accepts.OrderBy(a => a.Key.Unit, StringComparer.Ordinal).ThenBy(a => a.Key.Leaflet, StringComparer.Ordinal)
            .Select(a => a.Value[0]).ToList();
        return new NpgsqlBatchCommand(InsertUnitLeaflets)
        {
            Parameters =
            {
                Param.Texts(rows.Select(w => w.Unit).ToArray()),
                Param.Texts(rows.Select(w => w.Leaflet.Id).ToArray()),
                Param.Texts(rows.Select(w => w.Leaflet.Issuer).ToArray()),
                Param.Times(rows.Select(w => Columns.Utc(w.At)).ToArray()),
            },
        };
    }

    private NpgsqlBatchCommand CompleteCommand()
    {
        var rows = Sorted(_completes, w => (w.Unit, w.LeafletId));
        return new NpgsqlBatchCommand(Complete)
        {
            Parameters =
            {
                Param.Texts(rows.Select(w => w.Unit).ToArray()),
                Param.Texts(rows.Select(w => w.LeafletId).ToArray()),
                Param.Longs(rows.Select(w => w.Coverage.HomesTotal).ToArray()),
                Param.Longs(rows.Select(w => w.Coverage.HomesReached).ToArray()),
                Param.Longs(rows.Select(w => w.Coverage.Duplicates).ToArray()),
                Param.Times(rows.Select(w => Columns.Utc(w.Coverage.CompletedAt)).ToArray()),
            },
        };
    }

    private NpgsqlBatchCommand ReportCommand()
    {
        var rows = Sorted(_reports, w => (w.Unit, w.LeafletId));
        return new NpgsqlBatchCommand(Report)
        {
            Parameters =
            {
                Param.Texts(rows.Select(w => w.Unit).ToArray()),
                Param.Texts(rows.Select(w => w.LeafletId).ToArray()),
            },
        };
    }

    /// <summary>The first write of each key (a repeat finds the stage already moved), in key order.</summary>
    private static List<T> Sorted<T>(List<T> writes, Func<T, (string Unit, string Leaflet)> key)
    {
        var seen = new HashSet<(string, string)>();
        return writes.Where(w => seen.Add(key(w)))
            .OrderBy(w => key(w).Unit, StringComparer.Ordinal).ThenBy(w => key(w).Leaflet, StringComparer.Ordinal)
            .ToList();
    }
}
