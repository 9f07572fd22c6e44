using Microsoft.AspNetCore.Mvc;
using OrgTasks.Api.Auth;
using OrgTasks.Api.Requests;

namespace OrgTasks.Api.Endpoints;

/// <summary>The committee's routine and picture: <c>reports</c>, <c>routine</c>, <c>picture</c>; and the <c>audit</c> trail.</summary>
public static class RoutineEndpoints
{
    public static void MapRoutine(this RouteGroupBuilder api)
    {
        api.MapGet("/reports", async Task<IResult> ([FromQuery] string? unit, HttpContext context, RequestChecks checks) =>
        {
            checks.Id("unit", unit, required: false);
            return checks.Result() ?? TypedResults.Ok(await context.OrgTasks().GetReportsAsync(unit));
        }).WithTags("Routine").WithName("reports").WithSummary("The groups' regular reports: due, last received, overdue");

        api.MapGet("/routine", async Task<IResult> ([FromQuery] string? unit, [FromQuery] bool? tick, HttpContext context, RequestChecks checks) =>
        {
            checks.Id("unit", unit, required: false);
            return checks.Result() ?? TypedResults.Ok(await context.OrgTasks().GetRoutineAsync(unit, tick ?? false));
        }).WithTags("Routine").WithName("routine").WithSummary("The committee's routine: distributions issued and next, overdue reports, the idle alarm (?tick=true first does what is due)");

        api.MapGet("/picture", async Task<IResult> ([FromQuery] string? unit, HttpContext context, RequestChecks checks) =>
        {
            checks.Id("unit", unit, required: false);
            return checks.Result() ?? TypedResults.Ok(await context.OrgTasks().GetPictureAsync(unit));
        }).WithTags("Routine").WithName("picture").WithSummary("Every unit's function, contact, size, last report, coverage and delivery times");

        api.MapGet("/audit", async Task<IResult> ([FromQuery] string? actor, [FromQuery] TimeSpan? since, [FromQuery] int? limit,
            HttpContext context, RequestChecks checks) =>
        {
            checks.Id("actor", actor, required: false).Duration("since", since, TimeSpan.FromDays(3660))
                .Check(limit is null or >= 1 and <= AuditQuery.MaxLimit, "limit", $"must be 1 to {AuditQuery.MaxLimit:N0}");
            if (checks.Result() is { } refused) return refused;
            var query = new AuditQuery { Since = DateTimeOffset.UtcNow - (since ?? TimeSpan.FromDays(1)), Actor = actor, Limit = limit ?? 200 };
            return TypedResults.Ok(await context.OrgTasks().ReadAuditAsync(query));
        }).WithTags("Credentials").WithName("audit").WithSummary("The audit trail, newest first (?since=1.00:00:00 or an ISO duration, ?actor=, ?limit=)");
    }
}
