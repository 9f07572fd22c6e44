using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Statements;

/// <summary>
/// Quarantined statements as the addressee sees them: held on the way because the author is under a warning, with
/// the warning's date. Read from the held hop records and this silo's list of suspended agents; nothing is stored.
/// </summary>
public sealed partial class StatementLedgerGrain : IActingGrain
{
    /// <summary>
    /// What the ledger looks up for a reader (the addressee's configuration, the authors', the organization's life) it
    /// looks up as itself: the reader's own rights were checked first, and an officer need not be able to read those.
    /// </summary>
    public Actor Actor => Actor.System("ledger");

    /// <summary>Most held statements looked through for one answer.</summary>
    private const int QuarantineScan = 10_000;

    public async Task<IReadOnlyList<QuarantinedStatement>> GetQuarantined(string unit)
    {
        var caller = Callers.Require();
        if (string.IsNullOrWhiteSpace(unit)) throw new InvalidRequestException("no unit named");
        if (caller.Kind is not (ActorKind.Operator or ActorKind.System) && !caller.IsUnit(unit) && !await Officers.IsOfficerOfAsync(GrainFactory, unit, caller))
            throw new AccessDeniedException($"{caller} may not read the quarantine of {unit}: only its officers may");

        var held = (await services.Statements.LoadHeldSinceAsync(services.Clock.GetUtcNow(), QuarantineScan))
            .Where(h => services.Standings.IsSuspended(h.Statement.Author))
            .GroupBy(h => h.Statement.Id, StringComparer.Ordinal)
            .Select(g => g.OrderBy(h => h.Hop.AcceptedAt).Last()) // during a hand-over two holders have it: the newer counts
            .ToList();
        var result = new List<QuarantinedStatement>();
        var addressees = new Dictionary<string, (UnitConfig? Committee, IReadOnlyDictionary<string, DateTimeOffset> WarnedAt)>(StringComparer.Ordinal);
        foreach (var h in held)
        {
            if (await GrainFactory.GetGrain<IAgentGrain>(h.Statement.Author).GetConfig() is not { } author) continue;
            if (!addressees.TryGetValue(author.Organization, out var organization))
            {
                var directory = GrainFactory.GetGrain<IOrganizationGrain>(author.Organization);
                var committeeId = await directory.GetCommittee();
                var committee = committeeId is null ? null : await GrainFactory.GetUnit(new UnitRef(committeeId, UnitKind.Committee)).GetConfig();
                addressees[author.Organization] = organization = (committee, (await directory.GetLife()).WarnedAt);
            }
            var to = h.Statement.To switch
            {
                Addressee.Committee => organization.Committee?.Unit.Id,
                Addressee.CentralCommittee => organization.Committee?.CentralCommittee?.Id,
                _ => organization.Committee?.CentralOrgan?.Id,
            };
            if (to != unit) continue;
            result.Add(new QuarantinedStatement
            {
                Statement = h.Statement,
                Quarantine = new QuarantineMark
                {
                    WarnedAt = organization.WarnedAt.TryGetValue(h.Statement.Author, out var at) ? at : null,
                    HeldBy = h.Hop.Holder,
                    HeldSince = h.Hop.AcceptedAt,
                },
            });
        }
        return result;
    }

    private async Task<DateTimeOffset?> WarnedAtAsync(string author)
    {
        if (await GrainFactory.GetGrain<IAgentGrain>(author).GetConfig() is not { } config) return null;
        var life = await GrainFactory.GetGrain<IOrganizationGrain>(config.Organization).GetLife();
        return life.WarnedAt.TryGetValue(author, out var at) ? at : null;
    }
}
