namespace OrgTasks.Client.Views;

/// <summary>What may be said of a sealed deposit without opening it: who deposited, when, for which key, how big.</summary>
public sealed record DepositSummary
{
    public required string Group { get; init; }
    public required string Organization { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset SealedAt { get; init; }
    public required string KeyId { get; init; }
    public required string Algorithm { get; init; }
    /// <summary>Bytes of ciphertext (the sealed list itself).</summary>
    public required int Size { get; init; }

    public static DepositSummary Of(SealedDeposit deposit) => new()
    {
        Group = deposit.Group,
        Organization = deposit.Organization,
        Version = deposit.Version,
        SealedAt = deposit.SealedAt,
        KeyId = deposit.KeyId,
        Algorithm = deposit.Algorithm,
        Size = deposit.Ciphertext.Length,
    };
}
