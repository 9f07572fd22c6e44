namespace OrgTasks.Api.Errors;

/// <summary>Refusals of a request's own checks: 400 validation problems naming each field and what is wrong with it.</summary>
public static class Problems
{
    /// <summary>One field is wrong.</summary>
    public static IResult Field(string field, string message) => Fields(new() { [field] = [message] });

    /// <summary>Several fields are wrong; the detail repeats them so a client that shows only the detail says all.</summary>
    public static IResult Fields(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors,
            detail: string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
            title: "The request is not valid; nothing was changed");
}
