using System.Net.Sockets;
using Npgsql;

namespace OrgTasks.Postgres.Journals;

/// <summary>Sorting database failures: the data of one call (split the batch to find it) or the database (fail all, retry).</summary>
internal static class JournalErrors
{
    /// <summary>
    /// PostgreSQL refused the data itself: a data exception (class 22, e.g. a NUL character in a text), an integrity
    /// violation (23) or a program limit (54). Retrying the same rows can never succeed; the rest of the batch can.
    /// </summary>
    public static bool IsBadData(Exception error) =>
        error is PostgresException { SqlState: var state } && (state.StartsWith("22", StringComparison.Ordinal)
            || state.StartsWith("23", StringComparison.Ordinal) || state.StartsWith("54", StringComparison.Ordinal));

    /// <summary>A short reason for logs and callers: SQLSTATE and PostgreSQL's message, or the kind of network failure.</summary>
    public static string Reason(Exception error) => error switch
    {
        PostgresException pg => $"{pg.SqlState} {pg.MessageText}",
        NpgsqlException { InnerException: SocketException socket } => $"connection: {socket.SocketErrorCode}",
        NpgsqlException { InnerException: TimeoutException } or TimeoutException => "timeout",
        NpgsqlException npgsql => npgsql.Message,
        OperationCanceledException => "cancelled",
        _ => error.GetType().Name + ": " + error.Message,
    };

    public static Exception Unavailable(Exception error) =>
        new JournalUnavailableException($"the PostgreSQL journal is unavailable ({Reason(error)}); this write was not acknowledged; try again (every journal write is idempotent)", error);

    public static Exception Rejected(Exception error) =>
        new JournalWriteRejectedException($"PostgreSQL refused this write ({Reason(error)})", error);
}
