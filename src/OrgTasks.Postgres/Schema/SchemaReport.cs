namespace OrgTasks.Postgres.Schema;

/// <summary>What one run of the migrator did.</summary>
/// <param name="Applied">The migrations applied by this run, in order; empty when the database was up to date.</param>
/// <param name="Version">The database's schema version afterwards: the highest applied.</param>
public sealed record SchemaReport(IReadOnlyList<Migration> Applied, int Version);
