using OrgTasks.Grains.Durability;

namespace OrgTasks.Postgres.Journals;

/// <summary>A distributor's delivery to some homes of a route; answers with the merged record and the homes newly reached.</summary>
internal sealed class RecordDeliveryWrite(
    string leafletId, string route, string deliveredBy, int homesOnRoute, ulong[] homes, DateTimeOffset at)
    : PendingWrite<(DeliveryRecord Record, int Newly)>
{
    public string LeafletId { get; } = leafletId;
    public string Route { get; } = route;
    public string DeliveredBy { get; } = deliveredBy;
    public int HomesOnRoute { get; } = homesOnRoute;
    public ulong[] Homes { get; } = homes;
    public DateTimeOffset At { get; } = at;

    private (DeliveryRecord, int) _result;

    public override int Rows => 1;

    protected override (DeliveryRecord Record, int Newly) Result => _result;

    public override void AddTo(WriteBatch batch) => batch.Deliveries.Add(this);

    public void Resolve(DeliveryRecord record, int newly) => _result = (record, newly);
}
