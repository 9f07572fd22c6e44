using OrgTasks.Api.Auth;
using OrgTasks.Api.Requests;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Api.Endpoints;

/// <summary>
/// Credentials through the cluster: <c>credentials issue</c> (the token is in the answer, once), <c>list</c> (never the
/// tokens) and <c>revoke</c>. The credential authority grain decides who may (the operator; a committee's secretary for
/// its own organization's agents).
/// </summary>
public static class CredentialEndpoints
{
    public static void MapCredentials(this RouteGroupBuilder api)
    {
        var credentials = api.MapGroup("/credentials").WithTags("Credentials");
        credentials.MapPost("", async Task<IResult> (IssueCredentialRequest body, HttpContext context, RequestChecks checks) =>
        {
            checks.Id("agent", body.Agent, required: false).Id("operator", body.Operator, required: false)
                .Check((body.Agent is null) != (body.Operator is null), "agent", "give exactly one of 'agent' or 'operator'")
                .Duration("lifetime", body.Lifetime, CredentialAuthorityGrain.MaxLifetime);
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            var issued = body.Agent is not null
                ? await client.IssueCredentialAsync(body.Agent, body.Lifetime ?? CredentialAuthorityGrain.DefaultAgentLifetime)
                : await client.IssueOperatorCredentialAsync(body.Operator!, body.Lifetime ?? CredentialAuthorityGrain.DefaultOperatorLifetime);
            return TypedResults.Created($"{ServerApp.ApiBase}/credentials", issued);
        }).WithName("credentials-issue").WithSummary("Issue a credential for an agent (or an operator); the token is in this answer only")
          .Produces<IssuedCredential>(StatusCodes.Status201Created).ProducesValidationProblem();

        credentials.MapGet("", async (HttpContext context, CancellationToken cancellation) => TypedResults.Ok(await context.OrgTasks().ListCredentialsAsync()))
            .WithName("credentials-list").WithSummary("The credentials issued through the cluster (never the tokens), newest first");

        credentials.MapDelete("/{target}", async (string target, HttpContext context) =>
            TypedResults.Ok(await context.OrgTasks().RevokeCredentialAsync(target)))
            .WithName("credentials-revoke").WithSummary("Revoke a credential (c-…), or every credential of an agent; every silo refuses it within a second");
    }
}
