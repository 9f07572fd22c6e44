using Npgsql;
using OrgTasks.Postgres;

namespace OrgTasks.Tests.Postgres;

/// <summary><see cref="PostgresConnectionStrings.WithSiloDefaults"/>: what a silo adds to a connection string, and what it leaves.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresConnectionStringsTests
{
    [Fact]
    public void A_bare_external_string_gets_the_pool_the_wait_no_reset_and_prepared_statements()
    {
        var silo = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithSiloDefaults("Host=db;Username=orgtasks;Password=secret"));

        Assert.Equal(PostgresConnectionStrings.MaxPoolSize, silo.MaxPoolSize);
        Assert.Equal(PostgresConnectionStrings.TimeoutSeconds, silo.Timeout);
        Assert.True(silo.NoResetOnClose);
        Assert.Equal(PostgresConnectionStrings.MaxAutoPrepare, silo.MaxAutoPrepare);
        Assert.Equal("db", silo.Host);
        Assert.Equal("secret", silo.Password);
    }

    [Fact]
    public void What_the_string_sets_is_kept_in_either_spelling()
    {
        var silo = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithSiloDefaults(
            "Host=db;Maximum Pool Size=7;Timeout=3;No Reset On Close=false;Max Auto Prepare=0"));

        Assert.Equal(7, silo.MaxPoolSize);
        Assert.Equal(3, silo.Timeout);
        Assert.False(silo.NoResetOnClose);
        Assert.Equal(0, silo.MaxAutoPrepare);
    }

    [Fact]
    public async Task A_query_run_many_times_through_the_pool_stays_prepared_on_its_connection()
    {
        // Auto-prepared after a few uses, and kept across the connection's returns to the pool: parsed and planned once.
        var server = await OrgTasks.Tests.Infrastructure.TestPostgresServer.AcquireAsync();
        try
        {
            await RunManyTimesAsync(PostgresConnectionStrings.WithSiloDefaults(server) + ";Application Name=prepared-" + Guid.NewGuid().ToString("N"));
        }
        finally
        {
            await OrgTasks.Tests.Infrastructure.TestPostgresServer.ReleaseAsync();
        }
    }

    private static async Task RunManyTimesAsync(string connectionString)
    {
        for (var i = 0; i < 10; i++)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT $1::int + 1", connection) { Parameters = { new() { Value = i } } };
            Assert.Equal(i + 1, (int)(await command.ExecuteScalarAsync())!);
        }
        await using (var check = new NpgsqlConnection(connectionString))
        {
            await check.OpenAsync();
            await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + 1%'", check);
            Assert.Equal(1L, (long)(await prepared.ExecuteScalarAsync())!);
        }
    }
}
