using OrgTasks.Plan;

namespace OrgTasks.Grains;

/// <summary>Finds the grain of a unit from its kind and id: the kind decides the grain class.</summary>
public static class UnitGrains
{
    public static IUnitGrain GetUnit(this IGrainFactory factory, UnitRef unit) => unit.Kind switch
    {
        UnitKind.Committee => factory.GetByKey<ICommitteeGrain>(unit.Id),
        UnitKind.CentralCommittee => factory.GetByKey<ICentralCommitteeGrain>(unit.Id),
        UnitKind.CentralOrgan => factory.GetByKey<ICentralOrganGrain>(unit.Id),
        _ => factory.GetByKey<IGroupGrain>(unit.Id),
    };
}
