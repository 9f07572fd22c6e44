using OrgTasks.Audit;

namespace OrgTasks.Grains;

/// <summary>Reads the audit trail (any silo can: it reads the store, not a grain's memory).</summary>
public interface IAuditGrain : IGrainWithIntegerKey
{
    [Access(Clients.Operator)]
    Task<IReadOnlyList<AuditEntry>> Read(AuditQuery query);
}
