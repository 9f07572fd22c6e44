namespace OrgTasks.Api.Errors;

public sealed partial class FailureProblems
{
    /// <summary>Only bugs are logged, with the exception; refusals are the caller's answer, and bodies never appear in logs.</summary>
    [LoggerMessage(Level = LogLevel.Error, Message = "request {Method} {Path} failed unexpectedly")]
    private static partial void Unexpected(ILogger logger, string method, PathString path, Exception error);
}
