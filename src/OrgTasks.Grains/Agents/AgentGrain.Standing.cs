using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Agents;

/// <summary>
/// An agent out of action (arrested, suspended) does nothing itself, but what it held is not lost: the units it carried
/// for take its statements back and hand them to their new contact.
/// </summary>
public sealed partial class AgentGrain
{
    /// <summary>Refuses work from an agent who is not free. The silo's call filter refuses calls on its behalf; this
    /// refuses work asked of it by others (a delivery, a hand-over).</summary>
    private void RequireFree(AgentConfig config)
    {
        var standing = config.Standing != AgentStanding.Free ? config.Standing : services.Standings.Of(Id);
        if (standing != AgentStanding.Free)
            throw new AccessDeniedException($"agent '{Id}' is {AgentStandings.Spell(standing)} and cannot act");
    }

    public Task<IReadOnlyList<HeldStatement>> SurrenderHeld(UnitRef unit)
    {
        RequireConfig();
        var caller = Callers.Require();
        if (!caller.IsUnit(unit.Id)) throw new AccessDeniedException($"{caller} may not take back statements held for '{unit.Id}'");
        // The unit asks only when its configuration names someone else as contact; its word is the newer one (the
        // directory configures agents before units). Should this agent still pass some on itself, the unit above
        // recognises the repeat.
        return Task.FromResult(Held.For(unit.Id));
    }

    public async Task ConfirmSurrendered(UnitRef unit, IReadOnlyList<string> statementIds, string newContact)
    {
        RequireConfig();
        var caller = Callers.Require();
        if (!caller.IsUnit(unit.Id)) throw new AccessDeniedException($"{caller} may not take back statements held for '{unit.Id}'");
        var mine = Held.For(unit.Id).Select(h => h.Statement.Id).ToHashSet(StringComparer.Ordinal);
        await Held.ReleaseAsync(statementIds.Where(mine.Contains).ToList(), newContact);
    }

    /// <summary>Whether this agent is, now, the free appointed contact of <paramref name="unit"/>.</summary>
    private bool CarriesFor(string unit) =>
        Config is { } config && config.Standing == AgentStanding.Free && services.Standings.Of(Id) == AgentStanding.Free
        && config.ContactFor.Any(u => u.Id == unit);
}
