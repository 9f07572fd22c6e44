namespace OrgTasks.Cli.Errors;

/// <summary>
/// A user error found by the command line itself (a bad option value, a missing file): printed as
/// <c>orgtasks: message</c> without a stack trace, and the process exits with <see cref="ExitCode"/>.
/// </summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.UserError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
