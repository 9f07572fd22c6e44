using OrgTasks.Client.Errors;

namespace OrgTasks.Cli.Errors;

/// <summary>
/// Turns an exception that ended a command into one line on stderr and an exit code. Refusals from the grains,
/// the command line's own checks and a cluster that stops answering are the user's to act on: message only. Anything
/// else is a bug, and only then is the stack trace worth printing. Which failure is which is decided once, in
/// <see cref="Failure"/> (the HTTP API maps the same kinds to statuses).
/// </summary>
internal static class ErrorReporter
{
    public const string Prefix = "orgtasks: ";

    public static int Report(Exception error, TextWriter stderr)
    {
        error = Failure.Unwrap(error);
        if (error is CliException cli)
        {
            stderr.WriteLine(Prefix + cli.Message);
            return cli.ExitCode;
        }
        var kind = Failure.Classify(error);
        switch (kind)
        {
            case FailureKind.InvalidSetting:
                // A setting outside its range (OrgTasks__FanOutLimit=0): one line per setting, naming it and the range.
                foreach (var failure in ((Microsoft.Extensions.Options.OptionsValidationException)error).Failures)
                    stderr.WriteLine($"{Prefix}invalid setting: {failure}");
                return ExitCodes.UserError;
            case FailureKind.ClusterLost:
                // The gateway was reached once and then stopped answering (silo stopped, network gone, call timed out).
                stderr.WriteLine($"{Prefix}{Failure.Describe(error)}; is `orgtasks silo` still running?");
                return ExitCodes.UserError;
            case FailureKind.Internal:
                stderr.WriteLine($"{Prefix}internal error (this is a bug in OrgTasks; please report it with the text below)");
                stderr.WriteLine(error);
                return ExitCodes.InternalError;
            default:
                // Also a database the cluster cannot use (StorageUnavailableException): "storage unavailable: …".
                stderr.WriteLine(Prefix + Failure.Describe(error));
                return kind switch
                {
                    FailureKind.NotAllowed => ExitCodes.NotAllowed,
                    FailureKind.Interrupted => ExitCodes.Interrupted,
                    _ => ExitCodes.UserError,
                };
        }
    }
}
