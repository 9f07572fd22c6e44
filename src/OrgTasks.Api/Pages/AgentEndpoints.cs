using OrgTasks.Api.Auth;

namespace OrgTasks.Api.Pages;

/// <summary>
/// What an agent's page reads about the agent itself: its configuration (route, groups, whom it may write to) and the
/// leaflets it must deliver. Both are the agent grain's own methods, called with the request's credential: an agent
/// reads only its own, the operator any.
/// </summary>
public static class AgentEndpoints
{
    public static void MapAgentPage(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents/{id}").WithTags("Agents");
        agents.MapGet("/config", async (string id, HttpContext context, IGrainFactory grains) =>
        {
            var client = context.OrgTasks();
            var config = await client.As(null, () => grains.GetGrain<IAgentGrain>(id).GetConfig());
            return config is null ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"no agent '{id}'") : TypedResults.Ok(config);
        }).WithName("agent config").WithSummary("An agent's own configuration: its groups, its route, whom it may write to");

        agents.MapGet("/leaflets", async (string id, HttpContext context, IGrainFactory grains) =>
            TypedResults.Ok(await context.OrgTasks().As(null, () => grains.GetGrain<IAgentGrain>(id).GetLeaflets())))
            .WithName("agent leaflets").WithSummary("The leaflets an agent must deliver, with how far its route has them");
    }
}
