using Microsoft.AspNetCore.Mvc;
using OrgTasks.Api.Auth;
using OrgTasks.Api.Requests;

namespace OrgTasks.Api.Endpoints;

/// <summary>
/// Leaflets going down: issue (<c>leaflet issue</c>), the exact picture of a distribution (<c>leaflet status</c>, the
/// same JSON as <c>--json</c>), close (<c>leaflet close</c>), and the centre's digest (<c>centre digest</c>).
/// </summary>
public static class LeafletEndpoints
{
    /// <summary>Longest deadline a leaflet may be given.</summary>
    private static readonly TimeSpan MaxDeadline = TimeSpan.FromDays(366);

    public static void MapLeaflets(this RouteGroupBuilder api)
    {
        var leaflets = api.MapGroup("/leaflets").WithTags("Leaflets");
        leaflets.MapPost("", async Task<IResult> (IssueLeafletRequest body, HttpContext context, RequestChecks checks, CancellationToken cancellation) =>
        {
            checks.Id("from", body.From).Id("scope", body.Scope, required: false).Id("approvedBy", body.ApprovedBy, required: false)
                .Text("title", body.Title, checks.Limits.MaxLeafletTitleLength).Text("text", body.Text, checks.Limits.MaxLeafletLength)
                .Duration("deadline", body.Deadline, MaxDeadline);
            if (checks.Result() is { } refused) return refused;
            var id = await context.OrgTasks().IssueLeafletAsync(body.From!, body.Title!, body.Text!, body.Scope, body.Deadline, cancellation, body.ApprovedBy);
            return TypedResults.Created($"{ServerApp.ApiBase}/leaflets/{Uri.EscapeDataString(id)}", new LeafletCreated(id));
        }).WithName("leaflet-issue").WithSummary("Issue a leaflet down to the distributors' homes")
          .Produces<LeafletCreated>(StatusCodes.Status201Created).ProducesValidationProblem();

        leaflets.MapGet("/{id}", async (string id, HttpContext context) => TypedResults.Ok(await context.OrgTasks().GetLeafletStatusAsync(id)))
            .WithName("leaflet-status").WithSummary("A leaflet's coverage: overall, per district and factory, timing, stragglers (as `leaflet status --json`)");

        leaflets.MapPost("/{id}/close", async Task<IResult> (string id, CloseLeafletRequest body, [FromQuery(Name = "as")] string? actAs,
            HttpContext context, RequestChecks checks) =>
        {
            checks.Text("reason", body.Reason, checks.Limits.MaxLeafletTitleLength).Id("as", actAs, required: false);
            if (checks.Result() is { } refused) return refused;
            return TypedResults.Ok(await context.OrgTasks().CloseLeafletAsync(id, body.Reason!, ActAs.Of(actAs)));
        }).WithName("leaflet-close").WithSummary("Close a leaflet before every home has it; records the homes never reached");

        api.MapPost("/centre/digests", async Task<IResult> (CentreDigestRequest body, HttpContext context, RequestChecks checks, CancellationToken cancellation) =>
        {
            var groupKinds = Enum.GetValues<UnitKind>().Where(k => k.IsGroup()).ToList();
            var kind = groupKinds.FirstOrDefault(k => k.Spelling() == body.Kind);
            checks.Id("from", body.From).Check(body.Kind is not null && kind.Spelling() == body.Kind, "kind",
                $"'{body.Kind}' is not a kind of group; one of {string.Join(", ", groupKinds.Select(k => k.Spelling()))}");
            if (checks.Result() is { } refused) return refused;
            var (leafletId, reports, committees) = await context.OrgTasks().IssueCentreDigestAsync(body.From!, kind, cancellation);
            return TypedResults.Created($"{ServerApp.ApiBase}/leaflets/{Uri.EscapeDataString(leafletId)}", new CentreDigestCreated(leafletId, reports, committees));
        }).WithTags("Centre").WithName("centre-digest").WithSummary("Send the reports from one kind of group back down to that kind in every committee")
          .Produces<CentreDigestCreated>(StatusCodes.Status201Created).ProducesValidationProblem();
    }
}
