using OrgTasks.Plan;
using OrgTasks.Statements;

namespace OrgTasks.Grains;

/// <summary>A unit on a statement's way up: the author's own unit, every unit above it, and the addressee.</summary>
public interface IStatementHop : IGrainWithStringKey
{
    /// <summary>
    /// Accepts statements and acknowledges only after they are stored. Callers: a member of this unit handing in its
    /// own statement (<paramref name="fromChild"/> empty), or the appointed contact of <paramref name="fromChild"/>.
    /// Any other caller is refused. A statement already accepted is acknowledged again and not stored twice.
    /// The list is <see cref="ImmutableAttribute">[Immutable]</see>: no side changes it once sent (callers build a fresh
    /// one per call, this hop only reads it), so a call inside a silo passes it without a deep copy.
    /// </summary>
    [Access(Clients.None)]
    Task AcceptStatements(UnitRef? fromChild, [Immutable] IReadOnlyList<Statement> statements);

    /// <summary>Statements that reached this unit as their addressee, newest first.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the unit")]
    Task<IReadOnlyList<InboxEntry>> GetInbox(int limit);

    /// <summary>Statements held here, not yet acknowledged by the next hop.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the unit")]
    Task<IReadOnlyList<HeldStatement>> GetHeld();
}
