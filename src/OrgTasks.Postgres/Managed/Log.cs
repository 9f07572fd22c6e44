namespace OrgTasks.Postgres.Managed;

/// <summary>The managed server's log messages. None carries a password: they name the passfile, never its content.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "creating a PostgreSQL {Major} data folder in {Folder}")]
    public static partial void Initializing(ILogger logger, string folder, int major);

    [LoggerMessage(102, LogLevel.Information, "PostgreSQL {Major} started on 127.0.0.1:{Port}, data in {Folder}")]
    public static partial void Started(ILogger logger, int major, int port, string folder);

    [LoggerMessage(103, LogLevel.Information, "PostgreSQL in {Folder} stopped")]
    public static partial void Stopped(ILogger logger, string folder);

    [LoggerMessage(104, LogLevel.Warning, "port {Port} of the managed PostgreSQL is taken by another program; moving to {NewPort}")]
    public static partial void PortTaken(ILogger logger, int port, int newPort);

    [LoggerMessage(105, LogLevel.Information, "PostgreSQL in {Folder} locked down: passwords only (scram-sha-256), silos connect as {Role}, passwords in {PasswordFile}")]
    public static partial void LockedDown(ILogger logger, string folder, string role, string passwordFile);
}
