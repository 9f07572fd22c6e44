namespace OrgTasks.Postgres.GrainState;

/// <summary>A grain's stored row: its payload (null once cleared) and its version, which is the state's etag.</summary>
internal sealed record StoredState(byte[]? Payload, int Version);
