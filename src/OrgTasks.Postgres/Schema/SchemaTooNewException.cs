namespace OrgTasks.Postgres.Schema;

/// <summary>
/// The database was migrated by a newer OrgTasks. This build does not know what those migrations changed, so it
/// refuses to touch the database rather than guess.
/// </summary>
public sealed class SchemaTooNewException(int databaseVersion, int knownVersion)
    : Exception($"database schema version {databaseVersion} is newer than this OrgTasks (knows up to {knownVersion}); upgrade OrgTasks")
{
    public int DatabaseVersion { get; } = databaseVersion;
    public int KnownVersion { get; } = knownVersion;
}
