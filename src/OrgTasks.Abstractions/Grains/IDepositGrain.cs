using OrgTasks.Deposits;

namespace OrgTasks.Grains;

/// <summary>
/// The centre's safe for one group's sealed list of contacts, keyed by the group id. The group deposits (again) when
/// its composition changes; the centre fetches the latest deposit and opens it outside the cluster with its private key.
/// </summary>
public interface IDepositGrain : IGrainWithStringKey
{
    /// <summary>Keeps the deposit if it is newer than the one held. Only the group itself may deposit.</summary>
    [Access(Clients.None)]
    Task Put(SealedDeposit deposit);

    /// <summary>The latest sealed deposit, or none. Only the operator acting for the centre may fetch it.</summary>
    [Access(Clients.Operator)]
    Task<SealedDeposit?> GetLatest();
}
