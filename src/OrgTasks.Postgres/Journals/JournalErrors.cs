using System.Net.Sockets;
using Npgsql;
using OrgTasks.Errors;

namespace OrgTasks.Postgres.Journals;

/// <summary>Sorting database failures: the data of one call (split the batch to find it) or the database (fail all, retry).</summary>
internal static class JournalErrors
{
    /// <summary>
    /// PostgreSQL refused the data itself: a data exception (class 22, e.g. a NUL character in a text), an integrity
    /// violation (23) or a program limit (54). Retrying the same rows can never succeed; the rest of the batch can.
    /// </summary>
    public static bool IsBadData(Exception error) =>
        error is PostgresException { SqlState: var state } && Failures.StorageFailures.IsBadData(state);

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

    /// <summary>
    /// What callers get: the project's serializable exception, so that a grain's caller on another silo (or a client)
    /// learns what happened instead of failing to decode Npgsql's exception. Nothing was acknowledged; every journal
    /// write is idempotent, so callers try again.
    /// </summary>
    public static Exception Unavailable(Exception error)
    {
        var translated = Failures.StorageFailures.From(error);
        // A refusal of data is only final when PostgreSQL said so for this call's own rows (see Rejected).
        return translated.Kind == StorageFailureKind.Rejected
            ? new StorageUnavailableException(StorageFailureKind.Failed, translated.SqlState, translated.Reason)
            : translated;
    }

    /// <summary>PostgreSQL refused this call's own data: final for this call, the writer keeps running.</summary>
    public static Exception Rejected(Exception error) =>
        error is PostgresException pg
            ? new StorageUnavailableException(StorageFailureKind.Rejected, pg.SqlState, $"PostgreSQL refused this write ({pg.SqlState} {pg.MessageText})")
            : Failures.StorageFailures.From(error);
}
