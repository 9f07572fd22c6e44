using OrgTasks.Client.Connection;

namespace OrgTasks.Cli.Errors;

/// <summary>
/// Turns an exception that ended a command into one line on stderr and an exit code. Refusals from the grains,
/// the command line's own checks and a cluster that stops answering are the user's to act on: message only. Anything
/// else is a bug, and only then is the stack trace worth printing.
/// </summary>
internal static class ErrorReporter
{
    public const string Prefix = "orgtasks: ";

    public static int Report(Exception error, TextWriter stderr)
    {
        error = Unwrap(error);
        switch (error)
        {
            case CliException cli:
                stderr.WriteLine(Prefix + cli.Message);
                return cli.ExitCode;
            case AccessDeniedException denied:
                stderr.WriteLine(Prefix + denied.Message);
                return ExitCodes.NotAllowed;
            case OrgTasksException refusal:
                // Also a database the cluster cannot use (StorageUnavailableException): "storage unavailable: …".
                stderr.WriteLine(Prefix + refusal.Message);
                return ExitCodes.UserError;
            case Microsoft.Extensions.Options.OptionsValidationException invalid:
                // A setting outside its range (OrgTasks__FanOutLimit=0): one line per setting, naming it and the range.
                foreach (var failure in invalid.Failures) stderr.WriteLine($"{Prefix}invalid setting: {failure}");
                return ExitCodes.UserError;
            case OperationCanceledException:
                stderr.WriteLine(Prefix + "interrupted");
                return ExitCodes.Interrupted;
            case var lost when Transient.IsTransient(lost):
                // The gateway was reached once and then stopped answering (silo stopped, network gone, call timed out).
                stderr.WriteLine($"{Prefix}the cluster stopped answering: {lost.Message.TrimEnd('.')}; is `orgtasks silo` still running?");
                return ExitCodes.UserError;
            default:
                stderr.WriteLine($"{Prefix}internal error (this is a bug in OrgTasks; please report it with the text below)");
                stderr.WriteLine(error);
                return ExitCodes.InternalError;
        }
    }

    /// <summary>Task plumbing may wrap the one exception that matters.</summary>
    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}
