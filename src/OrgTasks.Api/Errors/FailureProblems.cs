using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using OrgTasks.Client.Errors;

namespace OrgTasks.Api.Errors;

/// <summary>
/// Turns an exception that ended a request into RFC 9457 problem details, by the same classification the CLI uses for
/// its exit codes (<see cref="Failure"/>): a refusal of the matrix is 403 with its reason, an unknown id 404, a bad
/// request 400, a database or cluster that cannot answer now 503; anything else is a bug, 500, and only then logged.
/// A body that is not the JSON the endpoint takes is 400 naming the field.
/// </summary>
public sealed partial class FailureProblems(IProblemDetailsService problems, ILogger<FailureProblems> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = Describe(exception);
        if (status == StatusCodes.Status500InternalServerError) Unexpected(log, context.Request.Method, context.Request.Path, exception);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Status, title and detail of a failure.</summary>
    public static (int Status, string Title, string Detail) Describe(Exception exception)
    {
        if (exception is BadHttpRequestException bad) return (bad.StatusCode, "Bad request", BadBody(bad));
        return Failure.Classify(exception) switch
        {
            FailureKind.NotAllowed => (StatusCodes.Status403Forbidden, "Not allowed", Failure.Describe(exception)),
            FailureKind.NotFound => (StatusCodes.Status404NotFound, "Not found", Failure.Describe(exception)),
            FailureKind.BadRequest => (StatusCodes.Status400BadRequest, "Bad request", Failure.Describe(exception)),
            FailureKind.StorageUnavailable or FailureKind.ClusterLost => (StatusCodes.Status503ServiceUnavailable, "Unavailable", Failure.Describe(exception)),
            FailureKind.Interrupted => (499, "Interrupted", Failure.Describe(exception)),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", Failure.Describe(exception)),
        };
    }

    /// <summary>A body that could not be read: the JSON error names the field (<c>$.deadline</c>) and what is wrong.</summary>
    private static string BadBody(BadHttpRequestException bad)
    {
        for (Exception? inner = bad.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "the body" : json.Path.TrimStart('$', '.');
                var what = json.InnerException is JsonException { Message: var own } ? own : FirstSentence(json.Message);
                return $"{field}: {Plain(what)}";
            }
        }
        return bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "the request body is larger than the server accepts"
            : FirstSentence(bad.Message);
    }

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].TrimEnd();

    /// <summary>
    /// System.Text.Json names the .NET type it could not read (<c>could not be converted to OrgTasks.Statements.Addressee</c>):
    /// say instead what is accepted, spelled as in the JSON (the enums' kebab-case names).
    /// </summary>
    private static string Plain(string message)
    {
        const string Marker = "could not be converted to ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return message;
        var typeName = message[(at + Marker.Length)..].TrimEnd('.', ' ');
        if (typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal)) typeName = typeName["System.Nullable`1[".Length..].Split(',')[0].TrimEnd(']');
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        if (type is { IsEnum: true })
            return "is not one of: " + string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n)));
        return type == typeof(string) ? "must be a string"
            : type is not null && (type.IsPrimitive || type == typeof(decimal)) ? "must be a number or true/false as the field says"
            : $"has the wrong shape (expected {type?.Name ?? typeName})";
    }
}
