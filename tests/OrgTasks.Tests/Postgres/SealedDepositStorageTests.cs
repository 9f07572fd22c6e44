using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OrgTasks.Client;
using OrgTasks.Deposits;
using OrgTasks.Organization;
using OrgTasks.Tests.EndToEnd;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// Sealed deposits as PostgreSQL stores them: the rows of the deposit grains hold no member's name and no home in the
/// clear, and only the centre's private key opens what the cluster hands back.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class SealedDepositStorageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Deposit_rows_hold_no_member_or_home_in_the_clear_and_open_only_with_the_centres_key()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var serviceId = $"svc-{id}";
        var city = LifeCommandCity.Create();
        var spec = OrgFile.Parse(city.Yaml, "life.yaml").Organization ?? throw new InvalidOperationException("the life command city does not parse");
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, serviceId, $"cluster-{id}");
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        await client.ApplyAsync(spec);

        var (privateKey, publicKey) = DepositSeal.NewCentreKeys();
        await client.InstallCentreKeyAsync(publicKey, city.Organization);
        var groups = new[] { city.Distribution, city.Press };
        var deposits = new Dictionary<string, SealedDeposit>();
        foreach (var group in groups)
            deposits[group] = (await Poll.UntilAsync(() => client.GetDepositAsync(group), d => d is not null, TimeSpan.FromSeconds(30), $"a deposit of {group}"))!;

        var rows = await ReadDepositRowsAsync(serviceId);
        var secrets = new[] { "sasha", "olya", "kolya", "dunya", "pavel" }.Select(city.Agent)
            .Concat(city.PressAddresses).Append($"{city.Prefix} Narvskaya zastava 12, flat 3").ToList();
        foreach (var group in groups)
        {
            var row = Assert.Single(rows, r => r.Key.EndsWith(group, StringComparison.Ordinal));
            // The row is this deposit: its ciphertext is there, byte for byte …
            Assert.True(row.Payload.AsSpan().IndexOf(deposits[group].Ciphertext) >= 0, $"the row of {group} does not hold its ciphertext");
            // … and no name or address is, in UTF-8 or UTF-16.
            foreach (var secret in secrets)
            {
                Assert.True(row.Payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"the row of {group} holds '{secret}' in the clear");
                Assert.True(row.Payload.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, $"the row of {group} holds '{secret}' in UTF-16");
            }
        }

        var (otherPrivate, _) = DepositSeal.NewCentreKeys();
        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(deposits[city.Press], otherPrivate));

        var press = DepositSeal.Open(deposits[city.Press], privateKey);
        Assert.Equal(city.Agent("dunya"), press.Contact);
        Assert.Equal([city.Agent("dunya"), city.Agent("pavel")], press.Members.Select(m => m.Agent));
        Assert.Equal(city.PressAddresses, press.Members[0].Addresses);
        Assert.Equal(LifeCommandCity.PavelHomes, press.Members[1].SyntheticHomes);
        var distribution = DepositSeal.Open(deposits[city.Distribution], privateKey);
        Assert.Equal([city.Agent("sasha"), city.Agent("olya"), city.Agent("kolya")], distribution.Members.Select(m => m.Agent));
    }

    private async Task<List<(string Key, byte[] Payload)>> ReadDepositRowsAsync(string serviceId)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT grain_key, payload FROM orleans_grain_state WHERE service_id = @service AND state_name = 'deposit'", connection);
        command.Parameters.AddWithValue("service", serviceId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, byte[])>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), (byte[])reader[1]));
        return rows;
    }
}
