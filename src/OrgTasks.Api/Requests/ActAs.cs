namespace OrgTasks.Api.Requests;

/// <summary>
/// The <c>as</c> query parameter of the calls an officer makes (<c>--as</c> on the command line): an operator's
/// credential acting as that agent (the audit trail names both); an agent's credential acts as itself and may leave it
/// out. The silo's call gate refuses an agent acting as another.
/// </summary>
public static class ActAs
{
    public static Actor? Of(string? agent) => string.IsNullOrWhiteSpace(agent) ? null : Actor.Agent(agent.Trim());
}
