namespace OrgTasks.Silo.Live;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Live feed: renewing the watch of '{Key}' failed; trying again at the next renewal")]
    public static partial void RenewFailed(ILogger logger, Exception error, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live feed: ending the watch of '{Key}' failed; it expires by itself")]
    public static partial void UnwatchFailed(ILogger logger, Exception error, string key);
}
