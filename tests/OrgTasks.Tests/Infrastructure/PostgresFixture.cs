using Npgsql;
using OrgTasks.Postgres.Schema;

namespace OrgTasks.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated PostgreSQL database for a test collection, on the test run's one server (a private managed
/// server, or the external one named by <c>ORGTASKS_TEST_POSTGRES</c>). Dropped again when the collection is done.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>A connection string to an external server to test on instead of a managed one (its user must be able to create databases).</summary>
    public const string EnvironmentVariable = "ORGTASKS_TEST_POSTGRES";

    private readonly List<string> _databases = [];
    private string _server = null!;

    /// <summary>The fixture's database, migrated to this build's schema.</summary>
    public string ConnectionString { get; private set; } = null!;

    public string Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await TestPostgresServer.AcquireAsync();
        Database = await CreateDatabaseAsync();
        ConnectionString = TestPostgresServer.For(_server, Database);
        await new SchemaMigrator(ConnectionString).ApplyAsync();
    }

    /// <summary>Another fresh database, empty (not migrated), dropped with the fixture. Returns its connection string.</summary>
    public async Task<string> CreateEmptyDatabaseAsync() => TestPostgresServer.For(_server, await CreateDatabaseAsync());

    private async Task<string> CreateDatabaseAsync()
    {
        var name = "orgtasks_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE {name}");
        _databases.Add(name);
        return name;
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var name in _databases)
            {
                NpgsqlConnection.ClearPool(new NpgsqlConnection(TestPostgresServer.For(_server, name)));
                // FORCE: a test that failed half-way may have left sessions open; they must not keep the database.
                await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
        finally
        {
            await TestPostgresServer.ReleaseAsync();
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
