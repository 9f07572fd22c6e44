using OrgTasks.Routine;

namespace OrgTasks.Client;

/// <summary>
/// The committee's routine from a client: regular reports, routine distributions and the idle alarm, and the picture
/// of who plays which fiddle. The organization is found from the unit named; without one, every organization.
/// </summary>
public sealed partial class OrgTasksClient
{
    /// <summary>The groups' regular reports under <paramref name="unit"/>, or of every organization when empty.</summary>
    public async Task<IReadOnlyList<ReportsView>> GetReportsAsync(string? unit = null)
    {
        var views = new List<ReportsView>();
        foreach (var (organization, root) in await RoutinesAsync(unit))
            views.Add(await As(Operator, () => Grains.GetGrain<IRoutineGrain>(organization).GetReports(root)));
        return views;
    }

    /// <summary>The routine of the organization that holds <paramref name="unit"/>, or of every organization when empty.</summary>
    public async Task<IReadOnlyList<RoutineView>> GetRoutineAsync(string? unit = null, bool tick = false)
    {
        var views = new List<RoutineView>();
        foreach (var (organization, _) in await RoutinesAsync(unit))
        {
            var routine = Grains.GetGrain<IRoutineGrain>(organization);
            views.Add(await As(Operator, () => tick ? routine.Tick() : routine.GetRoutine()));
        }
        return views;
    }

    /// <summary>The picture of the units under <paramref name="unit"/>, or of every organization when empty.</summary>
    public async Task<IReadOnlyList<PictureView>> GetPictureAsync(string? unit = null)
    {
        var views = new List<PictureView>();
        foreach (var (organization, root) in await RoutinesAsync(unit))
            views.Add(await As(Operator, () => Grains.GetGrain<IRoutineGrain>(organization).GetPicture(root)));
        return views;
    }

    /// <summary>Every organization whose committee names <paramref name="centre"/> as its Central Committee or Central Organ, whole.</summary>
    private async Task<IReadOnlyList<(string Organization, string? Root)>> OrganizationsUnderAsync(string centre)
    {
        var result = new List<(string, string?)>();
        foreach (var (organization, committee) in (await ListOrganizationsAsync()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var config = await As(Operator, () => Grains.GetUnit(new UnitRef(committee, UnitKind.Committee)).GetConfig());
            if (config?.CentralCommittee?.Id == centre || config?.CentralOrgan?.Id == centre) result.Add((organization, null));
        }
        return result;
    }

    /// <summary>(organization, subtree root) pairs: the one holding <paramref name="unit"/>, or all of them.</summary>
    private async Task<IReadOnlyList<(string Organization, string? Root)>> RoutinesAsync(string? unit)
    {
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var location = await FindUnitAsync(unit);
            // A central body is shared by every committee that names it: its picture and reports span all of them.
            if (location.Unit.Kind.IsCentre()) return await OrganizationsUnderAsync(unit);
            return [(OrganizationOf(location), unit)];
        }
        return (await ListOrganizationsAsync()).Keys.Order(StringComparer.Ordinal).Select(o => (o, (string?)null)).ToList();
    }
}
