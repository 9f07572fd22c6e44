using Microsoft.Extensions.Options;
using OrgTasks.Grains;

namespace OrgTasks.Api.Requests;

/// <summary>
/// The checks of a request body, made before any grain is called, with the same limits the grains enforce
/// (<see cref="OrgTasksOptions"/>: the entry checks refuse the same things again at every hop). Each failure names
/// the field and what is wrong; a request with any failure changes nothing.
/// </summary>
public sealed class RequestChecks(IOptions<OrgTasksOptions> options)
{
    /// <summary>Longest id of a unit, agent, statement or leaflet in a request (the grains' own limit for message ids).</summary>
    public const int MaxIdLength = 200;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public OrgTasksOptions Limits { get; } = options.Value;

    public bool Failed => _errors.Count > 0;

    public Dictionary<string, string[]> Errors => _errors;

    /// <summary>A required text of at most <paramref name="max"/> characters, without NUL.</summary>
    public RequestChecks Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is missing or empty");
        }
        else if (value.Length > max) Add(field, $"has {value.Length:N0} characters; at most {max:N0} are accepted");
        else if (value.Contains('\0')) Add(field, "contains a NUL character");
        return this;
    }

    /// <summary>An id (a unit, an agent): non-empty, short, no control characters.</summary>
    public RequestChecks Id(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is missing or empty");
        }
        else if (value.Length > MaxIdLength) Add(field, $"has {value.Length:N0} characters; an id has at most {MaxIdLength}");
        else if (value.Any(char.IsControl)) Add(field, "contains a control character");
        return this;
    }

    /// <summary>A value that must be given (an enum the JSON left out).</summary>
    public RequestChecks Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Add(field, "is missing");
        return this;
    }

    /// <summary>A duration that must be positive and at most <paramref name="max"/>.</summary>
    public RequestChecks Duration(string field, TimeSpan? value, TimeSpan max, bool required = false)
    {
        if (value is not { } given)
        {
            if (required) Add(field, "is missing");
        }
        else if (given <= TimeSpan.Zero) Add(field, "must be positive");
        else if (given > max) Add(field, $"is longer than {max.TotalDays:0.#} days");
        return this;
    }

    /// <summary>A list size within the grains' list limit.</summary>
    public RequestChecks Limit(string field, int value)
    {
        if (value < 1 || value > Limits.MaxListLimit) Add(field, $"must be 1 to {Limits.MaxListLimit:N0}");
        return this;
    }

    public RequestChecks Check(bool ok, string field, string message)
    {
        if (!ok) Add(field, message);
        return this;
    }

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var earlier) ? [.. earlier, message] : [message];

    /// <summary>The 400 answer naming every failure, or null when the request is good.</summary>
    public IResult? Result() => Failed ? OrgTasks.Api.Errors.Problems.Fields(_errors) : null;
}
