using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Leaflets;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>Shared steps of the organization's life tests: apply, send, wait for arrival, read what a holder holds.</summary>
internal static class LifeSteps
{
    public static async Task<LifeCity> AppliedAsync(this OrgTasksClient client, LifeCity city, bool consent = true)
    {
        await client.ApplyAsync(city.Spec);
        if (consent) await client.ConsentAsync(city.Committee);
        return city;
    }

    public static Task<LeafletStatus> CompleteAsync(this OrgTasksClient client, string id) =>
        Poll.UntilAsync(() => client.GetLeafletStatusAsync(id), s => s.Complete, what: $"leaflet {id} complete");

    /// <summary>What an agent (as a contact) holds, read as an operator.</summary>
    public static Task<IReadOnlyList<HeldStatement>> HeldByAgentAsync(this OrgTasksClient client, string agent) =>
        client.As(null, () => client.Grains.GetGrain<IAgentGrain>(agent).GetHeld());

    public static async Task<UnitConfigView> UnitAsync(this OrgTasksClient client, string unit)
    {
        var location = await client.FindUnitAsync(unit);
        var config = await client.As(null, () => client.Grains.GetUnit(location.Unit).GetConfig());
        return new UnitConfigView(config ?? throw new InvalidOperationException($"unit {unit} has no configuration"));
    }

    /// <summary>How many times each statement arrived in <paramref name="unit"/>'s inbox.</summary>
    public static async Task<Dictionary<string, int>> InboxCountsAsync(this OrgTasksClient client, string unit) =>
        (await client.GetInboxAsync(unit, 10_000)).GroupBy(e => e.Statement.Id).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>A unit's effective configuration, read in tests.</summary>
public sealed record UnitConfigView(OrgTasks.Plan.UnitConfig Config)
{
    public string Contact => Config.Contact;
}
