using Npgsql;
using OrgTasks.Postgres.Schema;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class SchemaMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_fresh_database_gets_every_known_migration_in_order_and_records_each()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();

        var report = await new SchemaMigrator(database).ApplyAsync();

        Assert.Equal(MigrationCatalog.All.Select(m => m.Version), report.Applied.Select(m => m.Version));
        Assert.Equal(MigrationCatalog.LatestVersion, report.Version);
        var recorded = await ReadAsync(database, "SELECT version, name FROM orgtasks_schema ORDER BY version",
            r => (r.GetInt32(0), r.GetString(1)));
        Assert.Equal(MigrationCatalog.All.Select(m => (m.Version, m.Name)), recorded);
    }

    [Fact]
    public async Task The_first_three_migrations_are_the_orleans_clustering_persistence_and_reminder_tables()
    {
        Assert.Equal([(1, "orleans_clustering"), (2, "orleans_persistence"), (3, "orleans_reminders")],
            MigrationCatalog.All.Take(3).Select(m => (m.Version, m.Name)));
        var keys = await ReadAsync(postgres.ConnectionString, "SELECT QueryKey FROM OrleansQuery", r => r.GetString(0));
        string[] providersAsk =
        [
            // clustering
            "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
            "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
            "CleanupDefunctSiloEntriesKey",
            // persistence
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
            // reminders
            "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
            "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        Assert.Equal(providersAsk.Order(), keys.Order());
    }

    [Fact]
    public async Task Applying_again_changes_nothing()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        await new SchemaMigrator(database).ApplyAsync();
        var before = await ReadAsync(database, "SELECT version, applied_at FROM orgtasks_schema ORDER BY version", r => (r.GetInt32(0), r.GetDateTime(1)));

        var again = await new SchemaMigrator(database).ApplyAsync();

        Assert.Empty(again.Applied);
        Assert.Equal(MigrationCatalog.LatestVersion, again.Version);
        Assert.Equal(before, await ReadAsync(database, "SELECT version, applied_at FROM orgtasks_schema ORDER BY version", r => (r.GetInt32(0), r.GetDateTime(1))));
    }

    [Fact]
    public async Task A_database_at_a_newer_version_is_refused_with_a_message_that_says_to_upgrade()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        var migrator = new SchemaMigrator(database);
        await migrator.ApplyAsync();
        var newer = MigrationCatalog.LatestVersion + 3;
        await ExecuteAsync(database, $"INSERT INTO orgtasks_schema (version, name) VALUES ({newer}, 'from_the_future')");

        var refusal = await Assert.ThrowsAsync<SchemaTooNewException>(() => migrator.ApplyAsync());

        Assert.Equal($"database schema version {newer} is newer than this OrgTasks (knows up to {MigrationCatalog.LatestVersion}); upgrade OrgTasks", refusal.Message);
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_behind_and_is_not_recorded()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        Migration[] migrations =
        [
            new(1, "good", "CREATE TABLE good_one (id int)"),
            new(2, "bad", "CREATE TABLE half_done (id int); SELECT no_such_function()"),
        ];

        await Assert.ThrowsAsync<PostgresException>(() => new SchemaMigrator(database, migrations: migrations).ApplyAsync());

        Assert.Equal([1], await ReadAsync(database, "SELECT version FROM orgtasks_schema", r => r.GetInt32(0)));
        Assert.Equal([false], await ReadAsync(database, "SELECT to_regclass('half_done') IS NOT NULL", r => r.GetBoolean(0)));
        Assert.Equal(1, await new SchemaMigrator(database, migrations: migrations).GetVersionAsync());
    }

    [Fact]
    public async Task Silos_migrating_the_same_database_at_once_apply_each_migration_exactly_once()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new SchemaMigrator(database).ApplyAsync())));

        Assert.Equal(MigrationCatalog.All.Select(m => m.Version), reports.SelectMany(r => r.Applied).Select(m => m.Version).Order());
        Assert.All(reports, r => Assert.Equal(MigrationCatalog.LatestVersion, r.Version));
    }

    [Fact]
    public async Task A_database_never_migrated_is_at_version_zero()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        Assert.Equal(0, await new SchemaMigrator(database).GetVersionAsync());
    }

    private static async Task<List<T>> ReadAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
