namespace OrgTasks.Grains.Identity;

/// <summary>
/// This silo's copy of the revoked credentials. The credential authority updates it at once on its own silo; the
/// <see cref="AccessRefresher"/> keeps the copies on the other silos within <see cref="OrgTasksOptions.StandingsRefresh"/>.
/// A lock-free swap of an immutable snapshot, read on every client call.
/// </summary>
public sealed class RevocationList
{
    private volatile Revocations _current = new() { Version = 0 };

    public long Version => _current.Version;

    public bool IsRevoked(string credentialId) => _current.Revoked.ContainsKey(credentialId);

    /// <summary>Takes a newer snapshot; an older one (a late answer) is ignored.</summary>
    public void Update(Revocations revocations)
    {
        while (true)
        {
            var current = _current;
            if (revocations.Version <= current.Version) return;
            if (Interlocked.CompareExchange(ref _current, revocations, current) == current) return;
        }
    }
}
