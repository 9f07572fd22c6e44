using OrgTasks.Audit;

namespace OrgTasks.Grains.Audit;

/// <summary>
/// The append-only audit trail: lines are added, never changed or removed (on PostgreSQL a trigger refuses both). One
/// contract, two stores: this process's memory (tests, quick demos) and PostgreSQL.
/// </summary>
public interface IAuditTrail
{
    Task AppendAsync(IReadOnlyList<AuditEntry> entries);

    /// <summary>The lines matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query);
}
