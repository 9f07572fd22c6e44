namespace OrgTasks.Grains.Units;

/// <summary>The Central Organ: receives statements through the committees' contacts and publishes to the committees.</summary>
public sealed class CentralOrganGrain(
    [PersistentState("unit", OrgTasksStorage.Name)] IPersistentState<UnitState> state,
    OrgTasksServices services,
    ILogger<CentralOrganGrain> logger)
    : UnitGrain(state, services, logger), ICentralOrganGrain
{
    protected override bool Serves(UnitKind kind) => kind == UnitKind.CentralOrgan;
    protected override bool IsAddressee(Addressee to) => to == Addressee.CentralOrgan;
    protected override UnitRef? NextUnit(UnitConfig config, Addressee to) => null;
}
