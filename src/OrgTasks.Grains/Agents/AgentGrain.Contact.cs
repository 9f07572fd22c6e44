using OrgTasks.Grains.Checks;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Agents;

/// <summary>
/// The contact role: the one person with the right of personal contact carries a unit's statements to the unit
/// above. Statements wait here, stored, until the unit above acknowledges them.
/// </summary>
public sealed partial class AgentGrain
{
    public async Task TransmitStatements(UnitRef unit, UnitRef to, IReadOnlyList<Statement> statements)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        if (!caller.IsUnit(unit.Id))
            throw new AccessDeniedException($"{caller} may not hand statements of '{unit.Id}' to its contact");
        if (config.ContactFor.All(u => u.Id != unit.Id))
            throw new AccessDeniedException($"agent '{Id}' is not the appointed contact of '{unit.Id}'");
        RequireFree(config);
        EntryChecks.Statements(statements, services.Options);

        var now = services.Clock.GetUtcNow();
        var held = statements.Select(s => new HeldStatement
        {
            Statement = s,
            Target = to,
            Hop = new StatementHop
            {
                StatementId = s.Id,
                Holder = Id,
                Role = HopRole.Contact,
                Unit = unit.Id,
                Contact = Id,
                AcceptedAt = now,
            },
        }).ToList();
        var fresh = await Held.AcceptAsync(held);
        if (fresh.Any(f => f)) _pump?.Kick();
    }

    /// <summary>What this contact holds: for the contact itself, the units and the operator; no other agent.</summary>
    public Task<IReadOnlyList<HeldStatement>> GetHeld()
    {
        var caller = Callers.Require();
        if (caller.Kind == ActorKind.Agent && !caller.IsAgent(Id))
            throw new AccessDeniedException($"{caller} may not read what agent '{Id}' holds");
        if (Config is null) DeactivateOnIdle(); // holds nothing, and is not kept unconfigured (NotConfigured)
        return Task.FromResult(Held.View());
    }

    /// <summary>Carries held statements to the unit above; returns whether any are left to retry.</summary>
    private async Task<bool> PassStatementsOnAsync(CancellationToken cancellation)
    {
        if (Held.Count == 0) return false;
        var groups = Held.Passable()
            .Where(h => h.Target is not null)
            .GroupBy(h => (Unit: h.Hop.Unit, Target: h.Target!.Value))
            .ToList();
        foreach (var group in groups)
        {
            var appointed = Config?.ContactFor.Where(u => u.Id == group.Key.Unit).Select(u => (UnitRef?)u).FirstOrDefault();
            // No longer this unit's free contact: the unit takes these back for its new contact (SurrenderHeld).
            if (appointed is not { } from || !CarriesFor(from.Id)) continue;
            await Held.PassAsync(group.Key.Target.Id, group, batch => GrainFactory.GetUnit(group.Key.Target).AcceptStatements(from, batch));
        }
        return Held.Count > 0;
    }
}
