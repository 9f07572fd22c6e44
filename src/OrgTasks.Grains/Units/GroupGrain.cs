namespace OrgTasks.Grains.Units;

/// <summary>
/// Any group below the committee (district, factory sub-committee, the factory groups, the special groups). Its
/// statements go up through its contact to its parent; it is never an addressee itself.
/// </summary>
public sealed class GroupGrain(
    [PersistentState("unit", OrgTasksStorage.Name)] IPersistentState<UnitState> state,
    OrgTasksServices services,
    ILogger<GroupGrain> logger)
    : UnitGrain(state, services, logger), IGroupGrain
{
    protected override bool Serves(UnitKind kind) => kind.IsGroup();
    protected override bool IsAddressee(Addressee to) => false;
}
