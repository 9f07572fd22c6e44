using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Units;

/// <summary>
/// Need-to-know about a unit's composition, decided here and not in a client:
/// - a delegate detailed to the unit, and operators, see everything;
/// - members of an open group see every member and route; of a discreet group, every member but no routes; of a strict
///   group, only themselves and the contact;
/// - members of an unaware group never see the organization's name or the unit above.
/// </summary>
public abstract partial class UnitGrain
{
    public Task<GroupView> GetComposition()
    {
        var config = RequireConfig();
        RequireInsider(config, "see the composition of");
        var caller = Callers.Require();
        var full = caller.Kind is ActorKind.Operator or ActorKind.System || caller.IsUnit(Id) || config.Delegates.Contains(caller.Id);
        var secrecy = full ? Secrecy.Open : config.Secrecy;
        var unaware = config.Affiliation == Affiliation.Unaware && !full;

        IReadOnlyList<string> members = secrecy switch
        {
            Secrecy.Strict => config.Members.Where(m => m == caller.Id || m == config.Contact).ToList(),
            _ => config.Members,
        };
        var routes = secrecy == Secrecy.Open
            ? config.Shares.GroupBy(s => s.Route).ToDictionary(g => g.Key, g => g.First().RouteHomes, StringComparer.Ordinal)
            : new Dictionary<string, int>(StringComparer.Ordinal);
        return Task.FromResult(new GroupView
        {
            Unit = Id,
            Kind = config.Unit.Kind.Spelling(),
            Organization = unaware ? "" : config.Organization,
            Parent = unaware ? "" : config.Parent?.Id ?? "",
            Contact = config.Contact,
            Members = members,
            MemberCount = config.Members.Count,
            Homes = config.OwnHomes,
            CutOff = config.CutOff,
            StatementsHeld = HeldStatements.Count,
            LeafletsOpen = Relay.InHand,
            Secrecy = config.Secrecy.ToString().ToLowerInvariant(),
            Affiliation = config.Affiliation.ToString().ToLowerInvariant(),
            Routes = routes,
        });
    }
}
