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
