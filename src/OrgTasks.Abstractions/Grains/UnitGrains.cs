using OrgTasks.Plan;

namespace OrgTasks.Grains;

/// <summary>Finds the grain of a unit from its kind and id: the kind decides the grain class.</summary>
public static class UnitGrains
{
    public static IUnitGrain GetUnit(this IGrainFactory factory, UnitRef unit) => unit.Kind switch
    {
        UnitKind.Committee => factory.GetGrain<ICommitteeGrain>(unit.Id),
        UnitKind.CentralCommittee => factory.GetGrain<ICentralCommitteeGrain>(unit.Id),
        UnitKind.CentralOrgan => factory.GetGrain<ICentralOrganGrain>(unit.Id),
        _ => factory.GetGrain<IGroupGrain>(unit.Id),
    };
}
