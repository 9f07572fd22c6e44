using Npgsql;
using OrgTasks.Statements;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The statement journal's queries: routes by the primary key, inboxes by their partial index, everything about held
/// statements from journal_held, which holds only what is in flight.
/// </summary>
internal static class StatementReads
{
    private const string HeldByHolders =
        $"{StatementRows.SelectHeld} WHERE k.holder = ANY($1) ORDER BY k.holder, k.accepted_at, k.seq";

    public const string HeldSince =
        $"{StatementRows.SelectHeld} WHERE k.accepted_at <= $1 ORDER BY k.accepted_at, k.seq LIMIT $2";

    public const string Route = $"""
        SELECT {StatementRows.HopList}
        FROM journal_hops h LEFT JOIN journal_passes p ON p.statement_id = h.statement_id AND p.holder = h.holder
        WHERE h.statement_id = $1
        ORDER BY h.seq
        """;

    public const string Statement = $"SELECT {StatementRows.StatementList} FROM journal_statements s WHERE s.statement_id = $1";

    // "From" is the unit of the hop before the arrival: the unit whose contact handed it in (the arrival's own unit when
    // the statement started there).
    public const string Inbox = $"""
        SELECT h.accepted_at, h.unit,
               (SELECT p.unit FROM journal_hops p WHERE p.statement_id = h.statement_id AND p.seq < h.seq
                ORDER BY p.seq DESC LIMIT 1),
               {StatementRows.StatementList}
        FROM journal_hops h JOIN journal_statements s ON s.statement_id = h.statement_id
        WHERE h.holder = $1 AND h.role = 2
        ORDER BY h.seq DESC
        LIMIT $2
        """;

    public const string Holders = "SELECT DISTINCT holder FROM journal_held ORDER BY holder LIMIT $1";

    /// <summary>What each of these holders holds, oldest first: one query for every grain activating at the moment.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<HeldStatement>>> HeldAsync(
        NpgsqlConnection connection, IReadOnlyList<string> holders, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(HeldByHolders, connection) { Parameters = { Param.Texts(holders.ToArray()) } };
        var held = new Dictionary<string, IReadOnlyList<HeldStatement>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var row = StatementRows.Held(reader);
            if (!held.TryGetValue(row.Hop.Holder, out var list)) held[row.Hop.Holder] = list = new List<HeldStatement>();
            ((List<HeldStatement>)list).Add(row);
        }
        return held;
    }
}
