using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrgTasks.Grains;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

/// <summary>A silo's start-up warm-up reads its throwaway agents' states from the database and writes nothing there.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class WarmUpOnPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_warm_up_of_a_silo_on_PostgreSQL_leaves_no_row_behind()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var calls = new WarmUpCalls();
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}", configure: silo =>
        {
            silo.AddIncomingGrainCallFilter(calls);
            silo.Services.Configure<OrgTasksOptions>(o => o.WarmUpActivations = 300);
        });

        Assert.Equal(300, calls.Count);
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_grain_state WHERE service_id = $1", connection)
        {
            Parameters = { new() { Value = $"svc-{id}" } },
        };
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
