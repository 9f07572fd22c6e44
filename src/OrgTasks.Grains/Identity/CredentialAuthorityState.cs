namespace OrgTasks.Grains.Identity;

/// <summary>The credentials issued (records, never tokens) and the revoked ones not yet expired.</summary>
[GenerateSerializer, Alias("orgtasks.credential-authority-state.v1")]
public sealed class CredentialAuthorityState
{
    [Id(0)] public Dictionary<string, CredentialRecord> Issued { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Revoked credential id → when it expires (after that it is refused anyway and leaves the list).</summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> Revoked { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public long RevocationsVersion { get; set; }
}
