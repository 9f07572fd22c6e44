using System.Text.Json.Nodes;

namespace OrgTasks.Cli.Life;

/// <summary>
/// One event per named agent (arrest, release, warning, clearing), run in the order given. Every agent is looked up
/// first, so a misspelt name refuses the whole command before anything is changed.
/// </summary>
internal static class LifeEvent
{
    public static async Task<int> RunForEachAsync(OrgTasksClient client, ParseResult result, IReadOnlyList<string> agents, bool json,
        string verb, Func<string, Task<LifeReport>> change)
    {
        foreach (var agent in agents) await client.FindAgentOrganizationAsync(agent);
        var reports = new JsonArray();
        foreach (var agent in agents)
        {
            var report = await change(agent);
            if (json)
            {
                var node = Json.ToObject(report);
                node.Insert(0, "agent", agent);
                reports.Add(node);
            }
            else
            {
                LifeReportText.Write(result.Out(), $"{verb} {agent}", report);
            }
        }
        if (json) Json.Write(result.Out(), reports);
        return ExitCodes.Ok;
    }
}
