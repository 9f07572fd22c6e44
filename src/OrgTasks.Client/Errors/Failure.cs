using OrgTasks.Client.Connection;

namespace OrgTasks.Client.Errors;

/// <summary>What kind of failure ended a request, the same for every front end: the CLI turns it into an exit code, the HTTP API into a status.</summary>
public enum FailureKind
{
    /// <summary>The acting identity may not do this (a refusal of the need-to-know matrix or a grain's rule).</summary>
    NotAllowed,

    /// <summary>The unit, agent, statement or leaflet named does not exist.</summary>
    NotFound,

    /// <summary>The request is malformed or conflicts with the organization; nothing was changed.</summary>
    BadRequest,

    /// <summary>The cluster's database cannot be used right now (restarting, full); the request may succeed later.</summary>
    StorageUnavailable,

    /// <summary>A setting outside its range (<c>OrgTasks__FanOutLimit=0</c>).</summary>
    InvalidSetting,

    /// <summary>The caller stopped waiting (Ctrl+C, a closed HTTP connection).</summary>
    Interrupted,

    /// <summary>The cluster was reached and then stopped answering (a silo stopped, a call timed out).</summary>
    ClusterLost,

    /// <summary>Anything else: a bug in OrgTasks.</summary>
    Internal,
}

/// <summary>
/// The one mapping of the exceptions a request to the cluster can end with, shared by the CLI's error reporter and
/// the HTTP API's problem details, so that the same refusal reads the same everywhere.
/// </summary>
public static class Failure
{
    public static FailureKind Classify(Exception error) => Unwrap(error) switch
    {
        AccessDeniedException => FailureKind.NotAllowed,
        NotFoundException => FailureKind.NotFound,
        StorageUnavailableException => FailureKind.StorageUnavailable,
        OrgTasksException => FailureKind.BadRequest,
        Microsoft.Extensions.Options.OptionsValidationException => FailureKind.InvalidSetting,
        OperationCanceledException => FailureKind.Interrupted,
        var lost when Transient.IsTransient(lost) => FailureKind.ClusterLost,
        _ => FailureKind.Internal,
    };

    /// <summary>
    /// The message a user reads for a failure of every kind but <see cref="FailureKind.Internal"/>: the refusal's own
    /// words (they name the item and what is wrong), without a stack trace.
    /// </summary>
    public static string Describe(Exception error)
    {
        error = Unwrap(error);
        return Classify(error) switch
        {
            FailureKind.InvalidSetting => string.Join("; ", ((Microsoft.Extensions.Options.OptionsValidationException)error).Failures.Select(f => $"invalid setting: {f}")),
            FailureKind.Interrupted => "interrupted",
            FailureKind.ClusterLost => $"the cluster stopped answering: {error.Message.TrimEnd('.')}",
            FailureKind.Internal => "internal error (this is a bug in OrgTasks; please report it)",
            _ => error.Message,
        };
    }

    /// <summary>Task plumbing may wrap the one exception that matters.</summary>
    public static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}
