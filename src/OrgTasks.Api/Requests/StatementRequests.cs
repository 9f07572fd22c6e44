namespace OrgTasks.Api.Requests;

/// <summary>
/// <c>POST /api/v1/statements</c>. The author is the credential's agent; an operator's credential names the agent it
/// acts as in <see cref="From"/> (as <c>statement send --from</c>), which the audit trail records with the operator.
/// </summary>
public sealed record SendStatementRequest(Addressee? To, string? Text, StatementKind? Kind, string? From);

/// <summary>The answer to a statement sent: its id, to follow its route.</summary>
public sealed record StatementCreated(string Id);

/// <summary>
/// A unit's inbox as <c>GET /api/v1/units/{id}/inbox</c> answers: arrived (newest first), then held in quarantine on the
/// way: both for the unit's officers and the operator.
/// </summary>
public sealed record InboxView(string Unit, IReadOnlyList<InboxEntry> Entries, IReadOnlyList<QuarantinedStatement> Quarantined);
