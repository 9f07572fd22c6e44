namespace OrgTasks.Grains;

/// <summary>The grains' log messages, source-generated. No message carries statement or leaflet text.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "{Holder}: handing {Count} statement(s) to {Next} failed, will retry: {Error}")]
    public static partial void HandOverFailed(ILogger logger, string holder, string next, int count, string error);

    [LoggerMessage(2, LogLevel.Warning, "{Unit}: leaflet {LeafletId} step failed, will retry: {Error}")]
    public static partial void LeafletStepFailed(ILogger logger, string unit, string leafletId, string error);

    [LoggerMessage(3, LogLevel.Information, "organization {Organization} applied: {Units} units, {Agents} agents changed")]
    public static partial void Applied(ILogger logger, string organization, int units, int agents);

    [LoggerMessage(4, LogLevel.Information, "leaflet {LeafletId} resumed from {Scope} after a restart")]
    public static partial void LeafletResumed(ILogger logger, string leafletId, string scope);

    [LoggerMessage(5, LogLevel.Information, "statement sweep woke {Holders} holder(s) with held statements")]
    public static partial void Swept(ILogger logger, int holders);

    [LoggerMessage(6, LogLevel.Warning, "statement sweep could not wake {Holder}: {Error}")]
    public static partial void SweepFailed(ILogger logger, string holder, string error);
}
