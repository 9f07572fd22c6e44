using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Deposits;

/// <summary>
/// The centre's safe for one group's sealed list of contacts (key: the group id). It keeps only the latest version: a
/// group deposits again whenever its composition changes. The bytes are sealed with the centre's public key before
/// they leave the group's grain, so neither this grain, its storage nor its logs ever hold the list in the clear.
/// </summary>
public sealed class DepositGrain(
    [PersistentState("deposit", OrgTasksStorage.Name)] IPersistentState<DepositState> state)
    : Grain, IDepositGrain
{
    public async Task Put(SealedDeposit deposit)
    {
        ArgumentNullException.ThrowIfNull(deposit);
        var group = this.GetPrimaryKeyString();
        var caller = Callers.Require();
        if (!caller.IsUnit(group)) throw new AccessDeniedException($"{caller} may not deposit the contacts of '{group}': only the group itself may");
        if (deposit.Group != group) throw new InvalidRequestException($"a deposit of '{deposit.Group}' sent to the safe of '{group}'");
        if (state.State.Latest is { } held && held.Version >= deposit.Version) return; // a repeat or an older one
        state.State.Latest = deposit;
        await state.WriteStateAsync();
    }

    public Task<SealedDeposit?> GetLatest()
    {
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.Operator or ActorKind.System) && !caller.IsUnit(this.GetPrimaryKeyString()))
            throw new AccessDeniedException($"{caller} may not fetch the deposit of '{this.GetPrimaryKeyString()}'");
        return Task.FromResult(state.State.Latest);
    }
}

[GenerateSerializer, Alias("orgtasks.deposit-state.v1")]
public sealed class DepositState
{
    [Id(0)] public SealedDeposit? Latest { get; set; }
}
