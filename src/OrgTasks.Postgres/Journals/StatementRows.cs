using Npgsql;
using OrgTasks.Plan;
using OrgTasks.Statements;

namespace OrgTasks.Postgres.Journals;

/// <summary>Reading hops and statements: a hop's columns first, then (where joined) its statement's.</summary>
internal static class StatementRows
{
    /// <summary>The hop columns <see cref="Hop"/> reads, of journal_hops as <c>h</c> and journal_passes as <c>p</c>.</summary>
    public const string HopList = "h.statement_id, h.holder, h.role, h.unit, h.contact, h.accepted_at, p.passed_at, p.passed_to";

    /// <summary>The statement columns <see cref="Statement"/> reads, of journal_statements as <c>s</c>.</summary>
    public const string StatementList = "s.statement_id, s.author, s.addressee, s.kind, s.written_at, s.body, s.report_of, s.trace_parent";

    /// <summary>A held statement (of journal_held as <c>k</c>): the hop, the hand-over details, then the statement.</summary>
    public const string SelectHeld = $"""
        SELECT h.statement_id, h.holder, h.role, h.unit, h.contact, h.accepted_at, NULL::timestamptz, NULL::text,
               h.target_id, h.target_kind, h.last_error, h.attempts, {StatementList}
        FROM journal_held k
        JOIN journal_hops h ON h.statement_id = k.statement_id AND h.holder = k.holder
        JOIN journal_statements s ON s.statement_id = k.statement_id
        """;

    public static StatementHop Hop(NpgsqlDataReader reader) => new()
    {
        StatementId = reader.GetString(0),
        Holder = reader.GetString(1),
        Role = (HopRole)reader.GetInt16(2),
        Unit = reader.GetString(3),
        Contact = Columns.NullableText(reader, 4),
        AcceptedAt = Columns.Time(reader, 5),
        PassedAt = Columns.NullableTime(reader, 6),
        PassedTo = Columns.NullableText(reader, 7),
    };

    public static Statement Statement(NpgsqlDataReader reader, int first) => new()
    {
        Id = reader.GetString(first),
        Author = reader.GetString(first + 1),
        To = (Addressee)reader.GetInt16(first + 2),
        Kind = (StatementKind)reader.GetInt16(first + 3),
        WrittenAt = Columns.Time(reader, first + 4),
        Text = reader.GetString(first + 5),
        ReportOf = Columns.NullableText(reader, first + 6),
        TraceParent = Columns.NullableText(reader, first + 7),
    };

    /// <summary>A row of <see cref="SelectHeld"/>.</summary>
    public static HeldStatement Held(NpgsqlDataReader reader) => new()
    {
        Hop = Hop(reader),
        Target = reader.IsDBNull(8) ? null : new UnitRef(reader.GetString(8), (UnitKind)reader.GetInt16(9)),
        LastError = Columns.NullableText(reader, 10),
        Attempts = reader.GetInt32(11),
        Statement = Statement(reader, 12),
    };
}
