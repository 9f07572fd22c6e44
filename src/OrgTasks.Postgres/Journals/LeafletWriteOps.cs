using OrgTasks.Grains.Durability;
using OrgTasks.Leaflets;

namespace OrgTasks.Postgres.Journals;

/// <summary>A unit's acceptance of a leaflet; answers with the unit's record, the existing one if it had it already.</summary>
internal sealed class AcceptLeafletWrite(string unit, Leaflet leaflet, DateTimeOffset at) : PendingWrite<UnitLeafletRecord>
{
    public string Unit { get; } = unit;
    public Leaflet Leaflet { get; } = leaflet;
    public DateTimeOffset At { get; } = at;

    private UnitLeafletRecord? _record;

    public override int Rows => 2;

    protected override UnitLeafletRecord Result => _record!;

    public override void AddTo(WriteBatch batch) => batch.Leaflets.Add(this);

    public void Resolve(UnitLeafletRecord record) => _record = record;

    public void Unresolved() =>
        Error = new OrgTasks.Errors.StorageUnavailableException(OrgTasks.Errors.StorageFailureKind.Failed, null,
            $"the record of leaflet '{Leaflet.Id}' at '{Unit}' could not be read back");
}

/// <summary>The unit's subtree has the leaflet: open becomes complete, with the coverage.</summary>
internal sealed class CompleteLeafletWrite(string unit, string leafletId, SubtreeCoverage coverage) : PendingWrite<bool>
{
    public string Unit { get; } = unit;
    public string LeafletId { get; } = leafletId;
    public SubtreeCoverage Coverage { get; } = coverage;

    public override int Rows => 1;

    protected override bool Result => true;

    public override void AddTo(WriteBatch batch) => batch.Leaflets.Add(this);
}

/// <summary>The unit above acknowledged the coverage: complete becomes reported.</summary>
internal sealed class ReportLeafletWrite(string unit, string leafletId) : PendingWrite<bool>
{
    public string Unit { get; } = unit;
    public string LeafletId { get; } = leafletId;

    public override int Rows => 1;

    protected override bool Result => true;

    public override void AddTo(WriteBatch batch) => batch.Leaflets.Add(this);
}
