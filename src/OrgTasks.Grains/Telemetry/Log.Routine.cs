namespace OrgTasks.Grains;

/// <summary>The routine's log messages (event ids 40–49). Never a report's or a leaflet's text.</summary>
internal static partial class Log
{
    [LoggerMessage(40, LogLevel.Warning, "routine of {Organization}: a step failed, the next tick tries again")]
    public static partial void RoutineTickFailed(ILogger logger, Exception error, string organization);

    [LoggerMessage(41, LogLevel.Information, "routine of {Organization}: routine distribution {LeafletId} issued")]
    public static partial void RoutineDistribution(ILogger logger, string organization, string leafletId);

    [LoggerMessage(42, LogLevel.Warning, "{Unit}: asking for its regular report failed, the next tick asks again")]
    public static partial void ReportRequestFailed(ILogger logger, Exception error, string unit);
}
