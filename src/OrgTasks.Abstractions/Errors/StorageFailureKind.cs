namespace OrgTasks.Errors;

/// <summary>What went wrong between a grain and its storage, for a caller deciding whether to try again.</summary>
[GenerateSerializer]
public enum StorageFailureKind
{
    /// <summary>The database refused a connection (too many clients, starting up, shutting down).</summary>
    ConnectionRefused = 0,

    /// <summary>The database could not be reached at all (connection refused by the host, network down, connection lost).</summary>
    Unreachable = 1,

    /// <summary>A command or a wait for a pooled connection ran out of time.</summary>
    TimedOut = 2,

    /// <summary>The database failed the work for a reason of its own (a serialization conflict, a crash, out of space).</summary>
    Failed = 3,

    /// <summary>The database refused this call's data itself; trying the same data again cannot succeed.</summary>
    Rejected = 4,
}
