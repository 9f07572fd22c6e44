namespace OrgTasks.Grains;

/// <summary>
/// Wakes every holder that still holds statements, so that after a restart they pass them on without any client
/// doing anything. One grain (key <see cref="Key"/>) with a reminder; the silo also sweeps once at start-up.
/// </summary>
public interface IStatementSweeperGrain : IGrainWithStringKey
{
    public const string Key = "sweeper";

    /// <summary>Registers the reminder (idempotent) and sweeps once now; returns how many holders were woken.</summary>
    [Access(Clients.None)]
    Task<int> Start();

    /// <summary>Wakes every holder with held statements; returns how many were woken.</summary>
    [Access(Clients.None)]
    Task<int> Sweep();
}
