using OrgTasks.Identity;

namespace OrgTasks.Cli.Life;

/// <summary>
/// <c>--as AGENT</c>: read as that agent may, so the grains' need-to-know rules decide what is shown (and refuse
/// outsiders). Without it the command reads as the operator, who sees everything.
/// </summary>
internal static class AsOption
{
    public static Option<string?> Create() => new("--as")
    {
        Description = "Read as this agent: only what the agent may see is shown (the operator's full view when left out)",
        HelpName = "AGENT",
    };

    public static Actor? Reader(this ParseResult result, Option<string?> option) =>
        result.GetValue(option) is { Length: > 0 } agent ? Actor.Agent(agent) : null;
}
