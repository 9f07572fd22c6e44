namespace OrgTasks.Identity;

/// <summary>Whom a credential speaks for.</summary>
[GenerateSerializer]
public enum CredentialRole
{
    /// <summary>A person of one organization; what it may do follows from its place in the organization.</summary>
    Agent = 0,

    /// <summary>The people who run the installation: apply files, install keys, issue credentials, read everything.</summary>
    Operator = 1,
}

/// <summary>
/// What a credential says, signed by the silos' key: who (<see cref="Subject"/>), as what (<see cref="Role"/>), in which
/// organization, from when until when, and under which key. <see cref="Id"/> names this one credential, so that it can
/// be revoked alone.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CredentialClaims
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Subject { get; init; }
    [Id(2)] public required CredentialRole Role { get; init; }
    /// <summary>The agent's organization, named only to a member of its committee (empty for any other agent: an unaware
    /// group's member must not learn it from its own token); <c>*</c> for the operator.</summary>
    [Id(3)] public required string Organization { get; init; }
    [Id(4)] public required DateTimeOffset IssuedAt { get; init; }
    [Id(5)] public required DateTimeOffset ExpiresAt { get; init; }
    [Id(6)] public string KeyId { get; init; } = "";

    /// <summary>The identity the silo derives from this credential.</summary>
    public Actor Actor => Role == CredentialRole.Operator ? Actor.Operator(Subject) : Actor.Agent(Subject);

    public const string AnyOrganization = "*";
}
