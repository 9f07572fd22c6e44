using System.Text;
using Npgsql;
using Orleans.TestingHost;
using OrgTasks.Client;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

/// <summary>The Orleans ADO.NET providers really run on the project's schema: state, reminders, membership.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresClusterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_applied_organization_survives_a_restart_of_the_whole_cluster()
    {
        var (serviceId, clusterId) = Ids();
        var city = TestCity.Create(districts: 2);
        IReadOnlyList<OrgTasks.Plan.UnitSummary> before;

        await using (var first = await PostgresTestCluster.StartAsync(postgres.ConnectionString, serviceId, clusterId))
        {
            var client = new OrgTasksClient(first.Client, TestIdentity.Operator);
            Assert.False((await client.ApplyAsync(city.Spec)).NothingChanged);
            before = await client.DescribeAsync(city.Committee);
            await first.StopAllSilosAsync();
        }

        await using var second = await PostgresTestCluster.StartAsync(postgres.ConnectionString, serviceId, clusterId);
        var again = new OrgTasksClient(second.Client, TestIdentity.Operator);
        Assert.Equal(city.Committee, (await again.ListOrganizationsAsync())[city.Spec.Name]);
        Assert.Equal(before.Select(u => (u.Unit.Id, u.Contact, u.SubtreeHomes)).Order(),
            (await again.DescribeAsync(city.Committee)).Select(u => (u.Unit.Id, u.Contact, u.SubtreeHomes)).Order());
        // The directory remembers every unit's fingerprint: applying the same file again finds nothing to do.
        Assert.True((await again.ApplyAsync(city.Spec)).NothingChanged);
    }

    [Fact]
    public async Task Grain_state_is_stored_in_orleans_binary_form_without_clr_type_names()
    {
        var (serviceId, clusterId) = Ids();
        var city = TestCity.Create(districts: 1);
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, serviceId, clusterId);

        await new OrgTasksClient(cluster.Client, TestIdentity.Operator).ApplyAsync(city.Spec);

        var rows = await ReadAsync("SELECT state_name, grain_key, payload, version FROM orleans_grain_state WHERE service_id = @service",
            r => (State: r.GetString(0), Key: r.GetString(1), Payload: (byte[])r[2], Version: r.GetInt32(3)), ("service", serviceId));
        Assert.Contains(rows, r => r.State == "unit" && r.Key == city.Committee);
        Assert.Contains(rows, r => r.State == "agent" && r.Key == city.Secretary);
        Assert.All(rows, r =>
        {
            Assert.True(r.Version >= 1);
            var text = Encoding.UTF8.GetString(r.Payload);
            Assert.DoesNotContain("$type", text);
            Assert.DoesNotContain("OrgTasks.Grains", text);
        });
    }

    [Fact]
    public async Task A_reminder_a_grain_registers_is_a_row_in_the_reminders_table()
    {
        var (serviceId, clusterId) = Ids();
        var city = TestCity.Create(districts: 1);
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, serviceId, clusterId);
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        await client.ApplyAsync(city.Spec);

        // The first apply starts the organization's routine on a reminder, so it ticks again after any restart. (The
        // reminder is one that stays: a leaflet tracker's removes itself as soon as the leaflet is complete.)
        var reminders = await ReadAsync("SELECT grain_id, reminder_name, period FROM orleans_reminders WHERE service_id = @service",
            r => (Grain: r.GetString(0), Name: r.GetString(1), Period: r.GetInt64(2)), ("service", serviceId));
        Assert.Contains(reminders, r => r.Name == "routine" && r.Grain.EndsWith("/" + city.Spec.Name, StringComparison.Ordinal) && r.Period > 0);
    }

    [Fact]
    public async Task A_running_silo_is_an_active_row_in_the_membership_table()
    {
        var (serviceId, clusterId) = Ids();
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, serviceId, clusterId);
        var silo = cluster.Silos.Single().SiloAddress;

        var members = await ReadAsync("SELECT address, port, generation, status, proxy_port FROM orleans_membership WHERE deployment_id = @cluster",
            r => (Address: r.GetString(0), Port: r.GetInt32(1), Generation: r.GetInt32(2), Status: r.GetInt32(3), Gateway: r.GetInt32(4)), ("cluster", clusterId));

        var row = Assert.Single(members);
        Assert.Equal((silo.Endpoint.Address.ToString(), silo.Endpoint.Port, silo.Generation), (row.Address, row.Port, row.Generation));
        Assert.Equal(3, row.Status); // SiloStatus.Active
        Assert.True(row.Gateway > 0);
    }

    private static (string ServiceId, string ClusterId) Ids()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return ($"svc-{id}", $"cluster-{id}");
    }

    private async Task<List<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
