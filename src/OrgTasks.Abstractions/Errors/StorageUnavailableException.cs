namespace OrgTasks.Errors;

/// <summary>
/// A grain could not read or write its storage. It replaces the database driver's own exceptions at the places where
/// grains and journals meet storage, because those cannot be serialized back across a silo (an Npgsql
/// <c>PostgresException</c> reached callers as a <c>CodecNotFoundException</c>). Nothing of the failed call was
/// acknowledged; every OrgTasks write is idempotent, so trying again is safe unless <see cref="Kind"/> is
/// <see cref="StorageFailureKind.Rejected"/>.
/// </summary>
[GenerateSerializer]
public sealed class StorageUnavailableException : OrgTasksException
{
    /// <remarks>The driver's exception is deliberately not kept as the inner one: it is what cannot cross a silo. It is
    /// logged, whole, where it was caught.</remarks>
    public StorageUnavailableException(StorageFailureKind kind, string? sqlState, string reason)
        : base(Describe(kind, reason))
    {
        Kind = kind;
        SqlState = sqlState;
        Reason = reason;
    }

    /// <summary>What went wrong, in kind.</summary>
    [Id(0)] public StorageFailureKind Kind { get; private set; }

    /// <summary>PostgreSQL's SQLSTATE when the server answered (<c>53300</c> too many clients); empty otherwise.</summary>
    [Id(1)] public string? SqlState { get; private set; }

    /// <summary>One line: <c>PostgreSQL refused a connection (53300 too many clients)</c>. Never row data.</summary>
    [Id(2)] public string Reason { get; private set; }

    /// <summary>Whether the same call may succeed later: everything except data the database refused.</summary>
    public bool IsTransient => Kind != StorageFailureKind.Rejected;

    private static string Describe(StorageFailureKind kind, string reason) =>
        kind == StorageFailureKind.Rejected ? "storage refused the data: " + reason : "storage unavailable: " + reason;
}
