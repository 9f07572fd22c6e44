namespace OrgTasks.Postgres.Schema;

/// <summary>The migrator's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(201, LogLevel.Information, "schema: applied migration {Version:000} {Name}")]
    public static partial void Applied(ILogger logger, int version, string name);

    [LoggerMessage(202, LogLevel.Information, "schema: at version {Version}, nothing to apply")]
    public static partial void UpToDate(ILogger logger, int version);
}
