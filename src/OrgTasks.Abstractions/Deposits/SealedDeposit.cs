namespace OrgTasks.Deposits;

/// <summary>
/// A group's list of contacts as the centre keeps it: sealed with the centre's public key so that only the holder of
/// the centre's private key can open it. Nothing here is readable without that key except who deposited and when.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SealedDeposit
{
    [Id(0)] public required string Group { get; init; }
    [Id(1)] public required string Organization { get; init; }
    /// <summary>Grows by one each time the group's composition changes and it deposits again.</summary>
    [Id(2)] public required int Version { get; init; }
    [Id(3)] public required DateTimeOffset SealedAt { get; init; }
    /// <summary>Fingerprint of the centre's public key the deposit was sealed with.</summary>
    [Id(4)] public required string KeyId { get; init; }
    /// <summary>The sealing algorithm's name and parameters, e.g. "ECDH-P256+HKDF-SHA256+AES-256-GCM".</summary>
    [Id(5)] public required string Algorithm { get; init; }
    /// <summary>The sender's one-time public key (SubjectPublicKeyInfo DER).</summary>
    [Id(6)] public required byte[] EphemeralKey { get; init; }
    [Id(7)] public required byte[] Nonce { get; init; }
    [Id(8)] public required byte[] Ciphertext { get; init; }
    [Id(9)] public required byte[] Tag { get; init; }
}
