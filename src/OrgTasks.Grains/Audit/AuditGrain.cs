using OrgTasks.Audit;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Audit;

/// <summary>
/// Reads the audit trail for the operator; stateless, so any silo answers from the store. The refusals this silo has
/// counted so far are written first, so a read shows them up to now (other silos' within their minute).
/// </summary>
[StatelessWorker]
public sealed class AuditGrain(IAuditTrail trail, RefusalTally refusals) : Grain, IAuditGrain
{
    public async Task<IReadOnlyList<AuditEntry>> Read(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
            throw new InvalidRequestException($"limit: {query.Limit} is not between 1 and {AuditQuery.MaxLimit:N0}");
        if (query.Actor is { Length: > 200 }) throw new InvalidRequestException("actor: longer than 200 characters");
        if (refusals.Drain(all: true) is { Count: > 0 } counted) await trail.AppendAsync(counted);
        return await trail.ReadAsync(query);
    }
}
