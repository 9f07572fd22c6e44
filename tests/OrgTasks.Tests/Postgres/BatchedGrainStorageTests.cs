using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using OrgTasks.Grains;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// A silo's grain storage on PostgreSQL reads and writes many grains' states with one statement (<c>BatchedGrainStorage</c>),
/// and Orleans' provider still clears them. Every read and write must do what the provider's would: the state, the
/// row's version as the etag, whether the row exists, the version check. The provider's clear finds the row only where
/// the provider itself names it, so clearing after a batched write, for every kind of key, proves both name it alike.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class BatchedGrainStorageTests(PostgresFixture postgres)
{
    private static readonly GrainType Type = GrainType.Create("statetest");

    [Fact]
    public async Task States_written_under_every_kind_of_key_are_read_back_whole_many_at_once_and_cleared_by_the_provider()
    {
        await using var silo = await SiloStorage.StartAsync(postgres);
        var storage = silo.Storage;
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
        var written = grains.ToDictionary(g => g, g => new GrainState<List<string>>(["state of", g.ToString()]));
        await Task.WhenAll(grains.Select(g => storage.WriteStateAsync("statetest", g, written[g])));
        foreach (var grain in grains) etags[grain] = written[grain].ETag;
        Assert.All(etags.Values, etag => Assert.Equal("1", etag));

        var read = grains.ToDictionary(g => g, _ => new GrainState<List<string>>());
        await Task.WhenAll(grains.Select(g => storage.ReadStateAsync("statetest", g, read[g])));

        foreach (var grain in grains)
        {
            Assert.Equal(["state of", grain.ToString()], read[grain].State);
            Assert.Equal(etags[grain], read[grain].ETag);
            Assert.True(read[grain].RecordExists, grain.ToString());
        }
        // Orleans' provider clears by its own naming of the row and the version: it finds every row the batch wrote.
        foreach (var grain in grains.Take(6)) await storage.ClearStateAsync("statetest", grain, read[grain]);
        foreach (var grain in grains.Take(6))
        {
            var cleared = new GrainState<List<string>>();
            await storage.ReadStateAsync("statetest", grain, cleared);
            Assert.False(cleared.RecordExists, grain.ToString());
            Assert.Equal(read[grain].ETag, cleared.ETag);
        }
        // The etag read is the one the version check expects: the next write goes through.
        var first = read[grains[7]];
        first.State!.Add("changed");
        await storage.WriteStateAsync("statetest", grains[7], first);
        var again = new GrainState<List<string>>();
        await storage.ReadStateAsync("statetest", grains[7], again);
        Assert.Equal(first.State, again.State);
        Assert.Equal(first.ETag, again.ETag);
    }

    [Fact]
    public async Task A_grain_never_written_gets_a_new_state_and_a_cleared_one_keeps_its_version_as_the_etag()
    {
        await using var silo = await SiloStorage.StartAsync(postgres);
        var storage = silo.Storage;
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
        Assert.Equal(await VersionAsync(silo.ServiceId, "cleared"), afterClear.ETag);
        // Written again from what was read: the version check agrees.
        afterClear.State!.Add("back");
        await storage.WriteStateAsync("statetest", cleared, afterClear);
    }

    [Fact]
    public async Task A_write_from_a_stale_version_or_over_a_row_it_never_read_fails_and_changes_nothing()
    {
        await using var silo = await SiloStorage.StartAsync(postgres);
        var storage = silo.Storage;
        var grain = GrainId.Create(Type, "contested");
        var mine = new GrainState<List<string>>(["first"]);
        await storage.WriteStateAsync("statetest", grain, mine);

        var stale = new GrainState<List<string>>(["from an old read"]) { ETag = mine.ETag };
        await storage.WriteStateAsync("statetest", grain, mine); // moves the version on
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("statetest", grain, stale));
        var blind = new GrainState<List<string>>(["never read"]);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("statetest", grain, blind));

        var stored = new GrainState<List<string>>();
        await storage.ReadStateAsync("statetest", grain, stored);
        Assert.Equal(["first"], stored.State);
        Assert.Equal(mine.ETag, stored.ETag);
        Assert.Equal("2", stored.ETag);
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

    /// <summary>A one-silo cluster on its own service id, and its grain storage as the grains get it (every layer).</summary>
    private sealed record SiloStorage(Orleans.TestingHost.InProcessTestCluster Cluster, IGrainStorage Storage, string ServiceId) : IAsyncDisposable
    {
        public static async Task<SiloStorage> StartAsync(PostgresFixture postgres)
        {
            var id = Guid.NewGuid().ToString("N")[..10];
            var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}");
            return new(cluster, cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrgTasksStorage.Name), $"svc-{id}");
        }

        public ValueTask DisposeAsync() => Cluster.DisposeAsync();
    }
}
