using Orleans;
using OrgTasks.Errors;

namespace OrgTasks.Postgres.Failures;

/// <summary>
/// The last guard on a grain call's way out of this silo: a database failure that escaped a grain (from Orleans' own
/// storage, a journal, a query) leaves as <see cref="StorageUnavailableException"/>, never as an Npgsql exception that
/// the caller's silo or client could not decode. The original is logged here, whole.
/// </summary>
internal sealed partial class StorageFailureFilter(ILogger<StorageFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception error) when (error is not StorageUnavailableException && StorageFailures.Find(error) is { } found)
        {
            var translated = StorageFailures.From(found);
            Log.CallFailedInStorage(logger, error, context.TargetId.ToString(), context.MethodName, translated.Reason);
            throw translated;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(301, LogLevel.Warning, "{Grain}.{Method} failed in storage ({Reason}); the caller gets StorageUnavailableException")]
        public static partial void CallFailedInStorage(ILogger logger, Exception error, string grain, string method, string reason);
    }
}
