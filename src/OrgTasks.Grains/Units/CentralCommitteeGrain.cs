namespace OrgTasks.Grains.Units;

/// <summary>The Central Committee: receives statements through the committees' contacts; the end of their way.</summary>
public sealed class CentralCommitteeGrain(
    [PersistentState("unit", OrgTasksStorage.Name)] IPersistentState<UnitState> state,
    OrgTasksServices services,
    ILogger<CentralCommitteeGrain> logger)
    : UnitGrain(state, services, logger), ICentralCommitteeGrain
{
    protected override bool Serves(UnitKind kind) => kind == UnitKind.CentralCommittee;
    protected override bool IsAddressee(Addressee to) => to == Addressee.CentralCommittee;
    protected override UnitRef? NextUnit(UnitConfig config, Addressee to) => null;
}
