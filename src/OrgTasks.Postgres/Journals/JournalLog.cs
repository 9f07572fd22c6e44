using Microsoft.Extensions.Logging;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// What the journals log. Never a statement's or a leaflet's text: only counts, kinds and PostgreSQL's own error codes
/// (Npgsql leaves row data out of its messages unless "Include Error Detail" is set, which these journals never set).
/// </summary>
internal static partial class JournalLog
{
    [LoggerMessage(101, LogLevel.Warning,
        "PostgreSQL journal unavailable: a commit of {Writes} write(s) failed ({Reason}); callers fail and retry until it is back")]
    public static partial void Unavailable(ILogger logger, Exception error, int writes, string reason);

    [LoggerMessage(102, LogLevel.Information,
        "PostgreSQL journal writing again after {Seconds:0.0} s; {Failed} write(s) failed meanwhile and are retried by their callers")]
    public static partial void Recovered(ILogger logger, double seconds, long failed);

    [LoggerMessage(103, LogLevel.Warning,
        "PostgreSQL journal refused a write ({Reason}); that caller fails, the other {Others} write(s) of its commit are written")]
    public static partial void Rejected(ILogger logger, Exception error, string reason, int others);

    [LoggerMessage(104, LogLevel.Warning, "PostgreSQL journal read failed ({Reason}); {Readers} caller(s) fail and retry")]
    public static partial void ReadFailed(ILogger logger, Exception error, string reason, int readers);

    [LoggerMessage(105, LogLevel.Debug, "PostgreSQL journal committed {Writes} write(s), {Rows} row(s) in {Milliseconds:0.0} ms")]
    public static partial void Committed(ILogger logger, int writes, int rows, double milliseconds);
}
