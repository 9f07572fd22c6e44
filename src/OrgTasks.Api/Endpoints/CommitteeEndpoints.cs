using Microsoft.AspNetCore.Mvc;
using OrgTasks.Api.Auth;
using OrgTasks.Api.Requests;
using OrgTasks.Client.Views;

namespace OrgTasks.Api.Endpoints;

/// <summary>The committee (<c>committee show/propose/vote/consent</c>) and its secret meetings (<c>meeting plan/answer/show</c>).</summary>
public static class CommitteeEndpoints
{
    /// <summary>Most units one meeting invites.</summary>
    private const int MaxInvited = 1000;

    public static void MapCommittees(this RouteGroupBuilder api)
    {
        var committee = api.MapGroup("/committees/{id}").WithTags("Committee");
        committee.MapGet("", async ([AsParameters] UnitRoute id, HttpContext context) =>
        {
            var client = context.OrgTasks();
            await RequireCommitteeAsync(client, id.Id);
            return TypedResults.Ok(CommitteeSheet.From(await client.GetUnitConfigAsync(id.Id), await client.GetLifeAsync(id.Id)));
        }).WithName("committee-show").WithSummary("The committee: members with functions and standing, the executive, candidates, proposals");

        committee.MapPost("/proposals", async Task<IResult> ([AsParameters] UnitRoute id, ProposeRequest body, HttpContext context, RequestChecks checks) =>
        {
            var function = body.Function?.Trim() ?? "";
            checks.Id("agent", body.Agent).Text("function", body.Function, 200, required: false)
                .Check(body.Executive || function.Length > 0, "function", "co-opting a member needs the function the member takes");
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            await RequireCommitteeAsync(client, id.Id);
            var proposal = await client.ProposeAsync(id.Id, body.Agent!, function, body.Executive);
            return TypedResults.Created($"{ServerApp.ApiBase}/committees/{Uri.EscapeDataString(id.Id)}", proposal);
        }).WithName("committee-propose").WithSummary("Propose to co-opt an agent with a function, or to seat a member in the executive")
          .Produces<Proposal>(StatusCodes.Status201Created).ProducesValidationProblem();

        committee.MapPost("/proposals/{proposal}/votes", async Task<IResult> ([AsParameters] UnitRoute id, string proposal, VoteRequest body,
            HttpContext context, RequestChecks checks) =>
        {
            checks.Id("member", body.Member).Required("yes", body.Yes).Id("proposal", proposal);
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            await RequireCommitteeAsync(client, id.Id);
            return TypedResults.Ok(await client.VoteAsync(id.Id, proposal, body.Member!, body.Yes!.Value));
        }).WithName("committee-vote").WithSummary("Vote on a proposal as a committee member");

        committee.MapPost("/consent", async ([AsParameters] UnitRoute id, HttpContext context) =>
        {
            var client = context.OrgTasks();
            await RequireCommitteeAsync(client, id.Id);
            return TypedResults.Ok(await client.ConsentAsync(id.Id));
        }).WithName("committee-consent").WithSummary("The Central Committee's consent to the committee");

        var meetings = api.MapGroup("/meetings").WithTags("Committee");
        meetings.MapPost("", async Task<IResult> (PlanMeetingRequest body, [FromQuery(Name = "as")] string? actAs, HttpContext context, RequestChecks checks) =>
        {
            var invite = body.Invite ?? [];
            checks.Id("from", body.From).Required("at", body.At).Text("place", body.Place, 500).Id("as", actAs, required: false)
                .Check(invite.Count is > 0 and <= MaxInvited, "invite", $"name 1 to {MaxInvited} units");
            for (var i = 0; i < invite.Count; i++) checks.Id($"invite[{i}]", invite[i]);
            if (checks.Result() is { } refused) return refused;
            var view = await context.OrgTasks().PlanMeetingAsync(body.From!, body.At!.Value, body.Place!, invite, ActAs.Of(actAs));
            return TypedResults.Created($"{ServerApp.ApiBase}/meetings/{Uri.EscapeDataString(view.Id)}", view);
        }).WithName("meeting-plan").WithSummary("Arrange a secret meeting: each invited unit's contact gets an invitation")
          .Produces<MeetingView>(StatusCodes.Status201Created).ProducesValidationProblem();

        meetings.MapPost("/{id}/answers", async Task<IResult> (string id, AnswerMeetingRequest body, [FromQuery(Name = "as")] string? actAs,
            HttpContext context, RequestChecks checks) =>
        {
            checks.Id("unit", body.Unit).Required("coming", body.Coming).Check(body.Coming is null or >= 0, "coming", "must be 0 or more")
                .Id("as", actAs, required: false);
            if (checks.Result() is { } refused) return refused;
            return TypedResults.Ok(await context.OrgTasks().AnswerMeetingAsync(id, body.Unit!, body.Coming!.Value, ActAs.Of(actAs)));
        }).WithName("meeting-answer").WithSummary("Answer an invitation for a unit: how many will come");

        meetings.MapGet("/{id}", async (string id, [FromQuery(Name = "as")] string? actAs, HttpContext context) =>
            TypedResults.Ok(await context.OrgTasks().ShowMeetingAsync(id, ActAs.Of(actAs))))
            .WithName("meeting-show").WithSummary("A meeting: the counts per unit for the committee, only its own invitation for an attendee");
    }

    private static async Task RequireCommitteeAsync(OrgTasks.Client.OrgTasksClient client, string id)
    {
        var location = await client.FindUnitAsync(id);
        if (location.Unit.Kind != UnitKind.Committee)
            throw new InvalidRequestException($"'{id}' is a {location.Unit.Kind.Spelling()}, not a committee");
    }
}
