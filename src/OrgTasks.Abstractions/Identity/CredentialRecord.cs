namespace OrgTasks.Identity;

/// <summary>A credential as the organization keeps it: never the token itself, only what it says and its fate.</summary>
[GenerateSerializer, Immutable]
public sealed record CredentialRecord
{
    [Id(0)] public required CredentialClaims Claims { get; init; }
    /// <summary>The proven identity that issued it.</summary>
    [Id(1)] public required string IssuedBy { get; init; }
    [Id(2)] public DateTimeOffset? RevokedAt { get; init; }
    [Id(3)] public string? RevokedBy { get; init; }
    /// <summary>
    /// The organization of an agent's credential, kept here because the token names it only to the committee's members:
    /// a member of any other group (an unaware one above all) must not learn it from its own credential. Empty in
    /// records made before it was kept: their token names it.
    /// </summary>
    [Id(4)] public string? Organization { get; init; }

    /// <summary>The organization the credential belongs to, whether or not its token names it.</summary>
    public string OrganizationOf => Organization ?? Claims.Organization;
}

/// <summary>A newly issued credential: the token, handed to its holder once and kept nowhere, and its record.</summary>
[GenerateSerializer, Immutable]
public sealed record IssuedCredential
{
    [Id(0)] public required string Token { get; init; }
    [Id(1)] public required CredentialRecord Record { get; init; }
}

/// <summary>
/// The ids of revoked credentials that have not expired yet, as one versioned snapshot that every silo polls (an
/// expired credential is refused anyway, so it leaves the list).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Revocations
{
    [Id(0)] public required long Version { get; init; }
    [Id(1)] public IReadOnlyDictionary<string, DateTimeOffset> Revoked { get; init; } = new Dictionary<string, DateTimeOffset>();
}
