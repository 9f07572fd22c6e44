namespace OrgTasks.Api.Requests;

/// <summary>
/// <c>POST /api/v1/leaflets</c>, as <c>leaflet issue</c>: from the issuing unit down to the subtree of
/// <see cref="Scope"/> (the issuer's own when left out), every home within <see cref="Deadline"/> (ISO 8601, <c>PT30M</c>).
/// </summary>
public sealed record IssueLeafletRequest(string? From, string? Scope, string? Title, string? Text, TimeSpan? Deadline, string? ApprovedBy);

/// <summary>The answer to a leaflet issued: its id, to follow its coverage.</summary>
public sealed record LeafletCreated(string LeafletId);

/// <summary><c>POST /api/v1/leaflets/{id}/close</c>, as <c>leaflet close</c>: why it goes no further.</summary>
public sealed record CloseLeafletRequest(string? Reason);

/// <summary><c>POST /api/v1/centre/digests</c>, as <c>centre digest</c>: the central body and the kind of group (<c>reading</c>, <c>distribution</c> …).</summary>
public sealed record CentreDigestRequest(string? From, string? Kind);

/// <summary>The digest sent: the leaflet carrying it, how many reports, from how many committees.</summary>
public sealed record CentreDigestCreated(string LeafletId, int Reports, int Committees);
