namespace OrgTasks.Api.Requests;

/// <summary><c>POST /api/v1/committees/{id}/proposals</c>, as <c>committee propose</c>: co-opt an agent with a function, or seat a member in the executive.</summary>
public sealed record ProposeRequest(string? Agent, string? Function, bool Executive);

/// <summary><c>POST /api/v1/committees/{id}/proposals/{proposal}/votes</c>, as <c>committee vote</c>.</summary>
public sealed record VoteRequest(string? Member, bool? Yes);

/// <summary><c>POST /api/v1/meetings</c>, as <c>meeting plan</c>.</summary>
public sealed record PlanMeetingRequest(string? From, DateTimeOffset? At, string? Place, IReadOnlyList<string>? Invite);

/// <summary><c>POST /api/v1/meetings/{id}/answers</c>, as <c>meeting answer</c>.</summary>
public sealed record AnswerMeetingRequest(string? Unit, int? Coming);

/// <summary><c>POST /api/v1/credentials</c>, as <c>credentials issue</c>: for an agent, or (operator only) an operator by name.</summary>
public sealed record IssueCredentialRequest(string? Agent, string? Operator, TimeSpan? Lifetime);
