using Npgsql;
using OrgTasks.Statements;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The statement journal's part of a group commit: statement texts (once per statement), hop acceptances (once per
/// statement and holder; RETURNING tells which were new) and hand-overs (the first one for a held hop counts).
/// </summary>
internal sealed class StatementWrites : IWriteSection
{
    private const string InsertStatements = """
        INSERT INTO journal_statements (statement_id, author, addressee, kind, written_at, body, report_of, trace_parent)
        SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::smallint[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])
        ON CONFLICT (statement_id) DO NOTHING
        """;

    // Rows are inserted in queue order: seq, and so a route's order, is the order of acceptance. A new hop that is not
    // an arrival is held from the same statement on.
    private const string InsertHops = """
        WITH accepted AS (
            INSERT INTO journal_hops (statement_id, holder, role, unit, contact, accepted_at, target_id, target_kind, last_error, attempts)
            SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[], $6::timestamptz[],
                                 $7::text[], $8::smallint[], $9::text[], $10::integer[])
            ON CONFLICT (statement_id, holder) DO NOTHING
            RETURNING statement_id, holder, role, accepted_at, seq),
        held AS (
            INSERT INTO journal_held (holder, statement_id, accepted_at, seq)
            SELECT holder, statement_id, accepted_at, seq FROM accepted WHERE role <> 2)
        SELECT statement_id, holder FROM accepted
        """;

    // A hand-over releases what is held and records when and to whom; a hop no longer held (passed already, an arrival,
    // never accepted) is left as it is, so the first hand-over stands.
    private const string MarkPassed = """
        WITH released AS (
            DELETE FROM journal_held AS k
            USING unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS p(holder, statement_id, passed_to, passed_at)
            WHERE k.holder = p.holder AND k.statement_id = p.statement_id
            RETURNING k.statement_id, k.holder, p.passed_at, p.passed_to)
        INSERT INTO journal_passes (statement_id, holder, passed_at, passed_to)
        SELECT statement_id, holder, passed_at, passed_to FROM released
        ON CONFLICT (statement_id, holder) DO NOTHING
        """;

    private readonly List<AcceptHopsWrite> _accepts = [];
    private readonly List<PassHopsWrite> _passes = [];
    private readonly HashSet<(string Statement, string Holder)> _inserted = [];

    public void Add(AcceptHopsWrite write) => _accepts.Add(write);

    public void Add(PassHopsWrite write) => _passes.Add(write);

    /// <summary>
    /// Statement ids this writer committed lately. A statement's text is written with its first hop; the six hops after
    /// it skip the row instead of sending the text again for an ON CONFLICT probe (measured: a tenth of the hops'
    /// database time). A forgotten id only costs that probe.
    /// </summary>
    public RecentSet<string>? Known { get; set; }

    /// <summary>
    /// Hops whose acceptance failed with an unknown outcome (the connection broke around the commit): PostgreSQL may
    /// have them although their caller was never told. The caller's retry finds the row; it is still new to the
    /// caller, which holds it only when told "new", so it is answered "new" (once). A forgotten key would answer "not
    /// new", as the store itself does.
    /// </summary>
    public RecentSet<(string Statement, string Holder)>? Unacknowledged { get; set; }

    public void AddCommands(NpgsqlBatch batch)
    {
        if (_accepts.Count > 0)
        {
            if (StatementsCommand() is { } statements) batch.BatchCommands.Add(statements);
            batch.BatchCommands.Add(HopsCommand());
        }
        if (_passes.Count > 0) batch.BatchCommands.Add(PassesCommand());
    }

    public async Task ReadAsync(ResultCursor results, CancellationToken cancellation)
    {
        if (_accepts.Count == 0) return;
        var reader = await results.NextAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) _inserted.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var accept in _accepts) accept.Resolve(_inserted, Unacknowledged);
    }

    public Task FollowUpAsync(NpgsqlConnection connection, CancellationToken cancellation) =>
        Task.CompletedTask;

    public void Committed()
    {
        if (Known is null) return;
        foreach (var accept in _accepts)
            foreach (var held in accept.Statements) Known.Add(held.Statement.Id);
    }

    private NpgsqlBatchCommand? StatementsCommand()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = _accepts.SelectMany(a => a.Statements).Select(h => h.Statement)
            .Where(s => seen.Add(s.Id) && Known?.Contains(s.Id) != true).ToList();
        if (rows.Count == 0) return null;
        return new NpgsqlBatchCommand(InsertStatements)
        {
            Parameters =
            {
                Param.Texts(rows.Select(s => s.Id).ToArray()),
                Param.Texts(rows.Select(s => s.Author).ToArray()),
                Param.Shorts(rows.Select(s => (short)s.To).ToArray()),
                Param.Shorts(rows.Select(s => (short)s.Kind).ToArray()),
                Param.Times(rows.Select(s => Columns.Utc(s.WrittenAt)).ToArray()),
                Param.Texts(rows.Select(s => s.Text).ToArray()),
                Param.Texts(rows.Select(s => s.ReportOf).ToArray()),
                Param.Texts(rows.Select(s => s.TraceParent).ToArray()),
            },
        };
    }

    private NpgsqlBatchCommand HopsCommand()
    {
        // Within one commit the first acceptance of a hop is the one written; a repeat in the same commit is "not new".
        var seen = new HashSet<(string, string)>();
        var rows = new List<(string Holder, HeldStatement Held)>();
        foreach (var accept in _accepts)
        {
            for (var i = 0; i < accept.Statements.Count; i++)
            {
                var held = accept.Statements[i];
                if (!seen.Add((held.Statement.Id, accept.Holder))) continue;
                accept.First[i] = true;
                rows.Add((accept.Holder, held));
            }
        }
        return new NpgsqlBatchCommand(InsertHops)
        {
            Parameters =
            {
                Param.Texts(rows.Select(r => r.Held.Statement.Id).ToArray()),
                Param.Texts(rows.Select(r => r.Holder).ToArray()),
                Param.Shorts(rows.Select(r => (short)r.Held.Hop.Role).ToArray()),
                Param.Texts(rows.Select(r => r.Held.Hop.Unit).ToArray()),
                Param.Texts(rows.Select(r => r.Held.Hop.Contact).ToArray()),
                Param.Times(rows.Select(r => Columns.Utc(r.Held.Hop.AcceptedAt)).ToArray()),
                Param.Texts(rows.Select(r => r.Held.Target?.Id).ToArray()),
                Param.NullableShorts(rows.Select(r => r.Held.Target is { } t ? (short?)t.Kind : null).ToArray()),
                Param.Texts(rows.Select(r => r.Held.LastError).ToArray()),
                Param.Ints(rows.Select(r => r.Held.Attempts).ToArray()),
            },
        };
    }

    private NpgsqlBatchCommand PassesCommand()
    {
        // Rows in key order, so two writers releasing the same hops lock them in the same order.
        var rows = new Dictionary<(string Holder, string Statement), (string To, DateTime At)>();
        foreach (var pass in _passes)
            foreach (var id in pass.StatementIds)
                rows.TryAdd((pass.Holder, id), (pass.PassedTo, Columns.Utc(pass.At)));
        var sorted = rows.OrderBy(r => r.Key.Holder, StringComparer.Ordinal).ThenBy(r => r.Key.Statement, StringComparer.Ordinal).ToList();
        return new NpgsqlBatchCommand(MarkPassed)
        {
            Parameters =
            {
                Param.Texts(sorted.Select(r => r.Key.Holder).ToArray()),
                Param.Texts(sorted.Select(r => r.Key.Statement).ToArray()),
                Param.Texts(sorted.Select(r => r.Value.To).ToArray()),
                Param.Times(sorted.Select(r => r.Value.At).ToArray()),
            },
        };
    }
}
