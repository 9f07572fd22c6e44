using System.Net.Sockets;
using OrgTasks.Errors;

namespace OrgTasks.Postgres.Failures;

/// <summary>
/// Turns what Npgsql throws into the project's own <see cref="StorageUnavailableException"/>: a kind, PostgreSQL's
/// SQLSTATE and one line that says what happened. Only SQLSTATEs, PostgreSQL's message texts and network error codes
/// go into the line; never row data (Npgsql leaves it out of messages unless "Include Error Detail" is set, and the
/// line never takes the detail field).
/// </summary>
public static class StorageFailures
{
    /// <summary>The database failure inside <paramref name="error"/> (itself, an inner one, one of an aggregate's), or null.</summary>
    public static Exception? Find(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException:
                    return current;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }
        return null;
    }

    /// <summary>The project's exception for a failure that <see cref="Find"/> found; anything else is kept as it is.</summary>
    public static Exception Translate(Exception error) =>
        error is StorageUnavailableException ? error : Find(error) is { } found ? From(found) : error;

    /// <summary>The project's exception for a database failure.</summary>
    public static StorageUnavailableException From(Exception error) => error switch
    {
        PostgresException pg => FromServer(pg),
        NpgsqlException { InnerException: SocketException socket } =>
            new(StorageFailureKind.Unreachable, null, $"PostgreSQL cannot be reached (connection {Spell(socket.SocketErrorCode)})"),
        NpgsqlException { InnerException: TimeoutException } or TimeoutException =>
            new(StorageFailureKind.TimedOut, null, "PostgreSQL did not answer in time (no free connection, or a command ran too long)"),
        NpgsqlException { InnerException: EndOfStreamException or IOException } =>
            new(StorageFailureKind.Unreachable, null, "PostgreSQL closed the connection"),
        NpgsqlException npgsql => new(StorageFailureKind.Unreachable, null, "PostgreSQL: " + FirstLine(npgsql.Message)),
        OperationCanceledException => new(StorageFailureKind.TimedOut, null, "the database call was cancelled"),
        _ => new(StorageFailureKind.Failed, null, $"{error.GetType().Name}: {FirstLine(error.Message)}"),
    };

    private static StorageUnavailableException FromServer(PostgresException pg)
    {
        var state = pg.SqlState;
        var (kind, what) = state switch
        {
            "53300" => (StorageFailureKind.ConnectionRefused, "PostgreSQL refused a connection (53300 too many clients)"),
            "57P03" => (StorageFailureKind.ConnectionRefused, "PostgreSQL refused a connection (57P03 the server is starting up or shutting down)"),
            "57P01" or "57P02" => (StorageFailureKind.Unreachable, $"PostgreSQL ended the connection ({state} the server is shutting down)"),
            "57P04" or "57P05" => (StorageFailureKind.Unreachable, $"PostgreSQL ended the connection ({state} {pg.MessageText})"),
            "57014" => (StorageFailureKind.TimedOut, "PostgreSQL cancelled a command that ran too long (57014)"),
            _ when state.StartsWith("08", StringComparison.Ordinal) => (StorageFailureKind.Unreachable, $"PostgreSQL connection failed ({state} {pg.MessageText})"),
            _ when state.StartsWith("53", StringComparison.Ordinal) => (StorageFailureKind.ConnectionRefused, $"PostgreSQL is out of resources ({state} {pg.MessageText})"),
            _ when IsBadData(state) => (StorageFailureKind.Rejected, $"PostgreSQL refused the data ({state} {pg.MessageText})"),
            _ => (StorageFailureKind.Failed, $"PostgreSQL failed the command ({state} {pg.MessageText})"),
        };
        return new StorageUnavailableException(kind, state, FirstLine(what));
    }

    /// <summary>A data exception (class 22, e.g. a NUL in a text), an integrity violation (23) or a program limit (54).</summary>
    public static bool IsBadData(string sqlState) =>
        sqlState.StartsWith("22", StringComparison.Ordinal) || sqlState.StartsWith("23", StringComparison.Ordinal)
        || sqlState.StartsWith("54", StringComparison.Ordinal);

    private static string Spell(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "refused",
        SocketError.ConnectionReset => "reset",
        SocketError.TimedOut => "timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        _ => error.ToString(),
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
