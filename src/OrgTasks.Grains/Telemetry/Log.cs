namespace OrgTasks.Grains;

/// <summary>The grains' log messages, source-generated. No message carries statement or leaflet text.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "{Holder}: handing {Count} statement(s) to {Next} failed, will retry")]
    public static partial void HandOverFailed(ILogger logger, Exception error, string holder, string next, int count);

    [LoggerMessage(2, LogLevel.Warning, "{Unit}: leaflet {LeafletId} step failed, will retry")]
    public static partial void LeafletStepFailed(ILogger logger, Exception error, string unit, string leafletId);

    [LoggerMessage(3, LogLevel.Information, "organization {Organization} applied: {Units} units, {Agents} agents changed")]
    public static partial void Applied(ILogger logger, string organization, int units, int agents);

    [LoggerMessage(4, LogLevel.Information, "leaflet {LeafletId} resumed from {Scope} after a restart")]
    public static partial void LeafletResumed(ILogger logger, string leafletId, string scope);

    [LoggerMessage(5, LogLevel.Information, "statement sweep woke {Holders} holder(s) with held statements")]
    public static partial void Swept(ILogger logger, int holders);

    [LoggerMessage(6, LogLevel.Warning, "statement sweep could not wake {Holder}")]
    public static partial void SweepFailed(ILogger logger, Exception error, string holder);

    [LoggerMessage(7, LogLevel.Warning, "could not refresh the list of agents out of action")]
    public static partial void StandingsRefreshFailed(ILogger logger, Exception error);

    [LoggerMessage(8, LogLevel.Warning, "{Unit}: taking over statements held by {Former} failed, will retry")]
    public static partial void TakeOverFailed(ILogger logger, Exception error, string unit, string former);

    [LoggerMessage(9, LogLevel.Information, "organization {Organization}: {Event} {Subject}; {Reconfigured} configuration(s) sent")]
    public static partial void LifeEvent(ILogger logger, string organization, string @event, string subject, int reconfigured);

    [LoggerMessage(10, LogLevel.Information, "{Unit}: {Count} statement(s) taken over from {Former} by {Contact}")]
    public static partial void TookOver(ILogger logger, string unit, int count, string former, string contact);

    [LoggerMessage(11, LogLevel.Warning, "{Unit}: depositing its list of contacts with the centre failed ({Failure}), will retry")]
    public static partial void DepositFailed(ILogger logger, string unit, string failure);

    [LoggerMessage(63, LogLevel.Warning, "{Agent}: sent out by {Unit} with leaflet {LeafletId}, could not deliver; the unit will ask again")]
    public static partial void SendOutFailed(ILogger logger, Exception error, string agent, string unit, string leafletId);

    [LoggerMessage(64, LogLevel.Information, "warmed up: {Activations} activations and {Compiled} methods compiled in {Milliseconds:F0} ms")]
    public static partial void WarmedUp(ILogger logger, int activations, double milliseconds, long compiled);

    [LoggerMessage(65, LogLevel.Warning, "the start-up warm-up failed; the silo starts without it")]
    public static partial void WarmUpFailed(ILogger logger, Exception error);
}
