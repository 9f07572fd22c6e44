using OrgTasks.Postgres.Journals;

namespace OrgTasks.Postgres.GrainState;

/// <summary>
/// One grain's state written in a group commit, checked against the version it read (<c>null</c>: it read no row).
/// Answers with the row's new version, or null when the version no longer matched (someone else wrote it, or it was
/// never read): the caller then fails as the provider's own write would, with an inconsistent-state error.
/// </summary>
internal sealed class StateWrite(string serviceId, StateKey key, byte[] payload, int? expectedVersion) : PendingWrite<int?>
{
    private int? _newVersion;

    public string ServiceId { get; } = serviceId;
    public StateKey Key { get; } = key;
    public byte[] Payload { get; } = payload;
    public int? ExpectedVersion { get; } = expectedVersion;

    public override int Rows => 1;

    protected override int? Result => _newVersion;

    public override void AddTo(WriteBatch batch) => batch.States.Add(this);

    public void Resolve(int newVersion) => _newVersion = newVersion;
}
