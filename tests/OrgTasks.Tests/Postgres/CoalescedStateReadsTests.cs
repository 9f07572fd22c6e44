using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using OrgTasks.Grains;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// A silo's grain storage on PostgreSQL reads many grains' states with one query (<c>CoalescedStateReads</c>), while
/// Orleans' provider still writes them. Every read must give what the provider's would: the state, the row's version
/// as the etag, whether the row exists; a key the read names differently from the provider's write would come back
/// empty, so every kind of key is written by the provider and read back here, many at once.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class CoalescedStateReadsTests(PostgresFixture postgres)
{
    private static readonly GrainType Type = GrainType.Create("statetest");

    [Fact]
    public async Task States_written_by_the_provider_under_every_kind_of_key_are_read_back_whole_many_at_once()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}");
        var storage = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrgTasksStorage.Name);
        var grains = new List<GrainId>
        {
            GrainId.Create(Type, "city-d01-f001-g1-a01"),
            GrainId.Create(Type, "город/д1"), // not ASCII
            GrainId.Create(Type, GrainIdKeyExtensions.CreateIntegerKey(42)),
            GrainId.Create(Type, GrainIdKeyExtensions.CreateIntegerKey(-7, "ext")),
            GrainId.Create(Type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
            GrainId.Create(Type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext")),
        };
        grains.AddRange(Enumerable.Range(0, 300).Select(i => GrainId.Create(Type, $"many-{i}")));
        var etags = new Dictionary<GrainId, string?>();
        foreach (var grain in grains)
        {
            var written = new GrainState<List<string>>(["state of", grain.ToString()]);
            await storage.WriteStateAsync("statetest", grain, written);
            etags[grain] = written.ETag;
        }

        var read = grains.ToDictionary(g => g, _ => new GrainState<List<string>>());
        await Task.WhenAll(grains.Select(g => storage.ReadStateAsync("statetest", g, read[g])));

        foreach (var grain in grains)
        {
            Assert.Equal(["state of", grain.ToString()], read[grain].State);
            Assert.Equal(etags[grain], read[grain].ETag);
            Assert.True(read[grain].RecordExists, grain.ToString());
        }
        // The etag read is the one the provider's version check expects: the next write goes through.
        var first = read[grains[0]];
        first.State!.Add("changed");
        await storage.WriteStateAsync("statetest", grains[0], first);
        var again = new GrainState<List<string>>();
        await storage.ReadStateAsync("statetest", grains[0], again);
        Assert.Equal(first.State, again.State);
        Assert.Equal(first.ETag, again.ETag);
    }

    [Fact]
    public async Task A_grain_never_written_gets_a_new_state_and_a_cleared_one_keeps_its_version_as_the_etag()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}");
        var storage = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrgTasksStorage.Name);
        var never = GrainId.Create(Type, "never-written");
        var cleared = GrainId.Create(Type, "cleared");

        var fresh = new GrainState<List<string>>();
        await storage.ReadStateAsync("statetest", never, fresh);
        Assert.Empty(Assert.IsType<List<string>>(fresh.State));
        Assert.Null(fresh.ETag);
        Assert.False(fresh.RecordExists);

        var state = new GrainState<List<string>>(["to be cleared"]);
        await storage.WriteStateAsync("statetest", cleared, state);
        await storage.ClearStateAsync("statetest", cleared, state);
        var afterClear = new GrainState<List<string>>();
        await storage.ReadStateAsync("statetest", cleared, afterClear);
        Assert.Empty(Assert.IsType<List<string>>(afterClear.State));
        Assert.False(afterClear.RecordExists);
        Assert.Equal(await VersionAsync($"svc-{id}", "cleared"), afterClear.ETag);
        // Written again from what was read: the version check agrees.
        afterClear.State!.Add("back");
        await storage.WriteStateAsync("statetest", cleared, afterClear);
    }

    private async Task<string> VersionAsync(string serviceId, string key)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM orleans_grain_state WHERE service_id = $1 AND grain_key = $2", connection)
        {
            Parameters = { new() { Value = serviceId }, new() { Value = key } },
        };
        return ((int)(await command.ExecuteScalarAsync())!).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
