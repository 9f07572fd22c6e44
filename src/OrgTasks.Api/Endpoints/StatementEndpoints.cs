using OrgTasks.Api.Auth;
using OrgTasks.Api.Requests;

namespace OrgTasks.Api.Endpoints;

/// <summary>Statements going up: send one (<c>statement send</c>), follow its route (<c>statement route</c>), read an inbox (<c>inbox</c>), the breaches (<c>breaches</c>).</summary>
public static class StatementEndpoints
{
    public static void MapStatements(this RouteGroupBuilder api)
    {
        var statements = api.MapGroup("/statements").WithTags("Statements");
        statements.MapPost("", async Task<IResult> (SendStatementRequest body, HttpContext context, RequestChecks checks, CancellationToken cancellation) =>
        {
            var caller = context.Caller();
            checks.Required("to", body.To).Text("text", body.Text, checks.Limits.MaxStatementLength).Id("from", body.From, required: false);
            var author = caller.Credential.Role == CredentialRole.Operator ? body.From : caller.Credential.Subject;
            checks.Check(author is not null, "from", "an operator's credential names the agent who writes the statement");
            checks.Check(caller.Credential.Role == CredentialRole.Operator || body.From is null || body.From == author,
                "from", $"the author is the credential's agent ({author}); leave 'from' out or give that agent");
            if (checks.Result() is { } refused) return refused;
            var id = await context.OrgTasks().SendStatementAsync(author!, body.To!.Value, body.Text!, body.Kind ?? StatementKind.Report, cancellation);
            return TypedResults.Created($"/api/v1/statements/{Uri.EscapeDataString(id)}", new StatementCreated(id));
        }).WithName("statement-send").WithSummary("Send a statement up through the contacts (the author is the credential's agent)")
          .Produces<StatementCreated>(StatusCodes.Status201Created).ProducesValidationProblem();

        statements.MapGet("/{id}", async (string id, HttpContext context) => TypedResults.Ok(await context.OrgTasks().GetRouteAsync(id)))
            .WithName("statement-route").WithSummary("A statement's route and where it is now");

        api.MapGet("/units/{id}/inbox", async Task<IResult> ([AsParameters] UnitRoute unit, HttpContext context, RequestChecks checks, int? limit) =>
        {
            var id = unit.Id;
            checks.Id("id", id).Limit("limit", limit ?? 50);
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            var entries = await client.GetInboxAsync(id, limit ?? 50);
            // Whoever may read the inbox (an officer of the unit, the operator) may read what is quarantined on its way too.
            var quarantined = await client.GetQuarantinedAsync(id);
            return TypedResults.Ok(new InboxView(id, entries, quarantined));
        }).WithTags("Statements").WithName("inbox").WithSummary("The statements that reached a unit, newest first, and those held in quarantine on the way")
          .Produces<InboxView>();

        // (A handler of HttpContext alone would be bound as a RequestDelegate, its result ignored: hence the token.)
        api.MapGet("/breaches", async (HttpContext context, CancellationToken cancellation) => TypedResults.Ok(await context.OrgTasks().GetBreachesAsync()))
            .WithTags("Statements").WithName("breaches").WithSummary("Statements held too long at a hop");
    }
}
