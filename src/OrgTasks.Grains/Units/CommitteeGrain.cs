namespace OrgTasks.Grains.Units;

/// <summary>
/// The local committee: the inbox for statements addressed to it; for those addressed higher, its contact carries
/// them on to the Central Committee or the Central Organ.
/// </summary>
public sealed class CommitteeGrain(
    [PersistentState("unit", OrgTasksStorage.Name)] IPersistentState<UnitState> state,
    OrgTasksServices services,
    ILogger<CommitteeGrain> logger)
    : UnitGrain(state, services, logger), ICommitteeGrain
{
    protected override bool Serves(UnitKind kind) => kind == UnitKind.Committee;
    protected override bool IsAddressee(Addressee to) => to == Addressee.Committee;

    /// <summary>Until the Central Committee consents to this committee, nothing it holds goes to the centre.</summary>
    protected override bool MayPassOn(UnitConfig config, Addressee to) => !config.AwaitingConsent || to == Addressee.Committee;

    protected override UnitRef? NextUnit(UnitConfig config, Addressee to) => to switch
    {
        Addressee.CentralCommittee => config.CentralCommittee,
        Addressee.CentralOrgan => config.CentralOrgan,
        _ => null,
    };
}
