using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Tests.Journals;

/// <summary>The memory grain storage behaves as a store: copies, not shared objects; etags refuse a lost update.</summary>
[Trait("Category", "Storage")]
public sealed class SiloMemoryGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("unit", "spb/narva");

    private static SiloMemoryGrainStorage NewStorage()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        return new SiloMemoryGrainStorage(new OrleansGrainStorageSerializer(serializer));
    }

    [Fact]
    public async Task A_written_state_is_read_back_as_a_copy_with_its_etag()
    {
        var storage = NewStorage();
        var written = new GrainState<List<string>>(["kolya", "masha"]);
        await storage.WriteStateAsync("unit", Grain, written);
        written.State!.Add("changed after the write");

        var read = new GrainState<List<string>>([]);
        await storage.ReadStateAsync("unit", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(["kolya", "masha"], read.State);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var storage = NewStorage();
        var first = new GrainState<List<string>>(["first"]);
        await storage.WriteStateAsync("unit", Grain, first);
        var stale = new GrainState<List<string>>(["stale"]) { ETag = null };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("unit", Grain, stale));

        var read = new GrainState<List<string>>([]);
        await storage.ReadStateAsync("unit", Grain, read);
        Assert.Equal(["first"], read.State);
    }

    /// <summary>The store compares and swaps without a lock of its own: of writers racing from one etag, one wins.</summary>
    [Fact]
    public async Task Writers_racing_from_the_same_etag_leave_exactly_one_winner_and_its_state()
    {
        var storage = NewStorage();
        var start = new GrainState<List<string>>(["start"]);
        await storage.WriteStateAsync("unit", Grain, start);

        for (var round = 0; round < 20; round++)
        {
            var read = new GrainState<List<string>>([]);
            await storage.ReadStateAsync("unit", Grain, read);
            var writers = Enumerable.Range(0, 8)
                .Select(i => new GrainState<List<string>>([$"round {round} writer {i}"]) { ETag = read.ETag })
                .ToList();
            var outcomes = await Task.WhenAll(writers.Select(w => Task.Run(async () =>
            {
                try { await storage.WriteStateAsync("unit", Grain, w); return true; }
                catch (InconsistentStateException) { return false; }
            })));

            var winner = writers[Assert.Single(Enumerable.Range(0, writers.Count), i => outcomes[i])];
            var after = new GrainState<List<string>>([]);
            await storage.ReadStateAsync("unit", Grain, after);
            Assert.Equal(winner.State, after.State);
            Assert.Equal(winner.ETag, after.ETag);
        }
    }

    [Fact]
    public async Task A_cleared_state_is_gone_and_another_grain_or_state_name_is_apart()
    {
        var storage = NewStorage();
        var state = new GrainState<List<string>>(["x"]);
        await storage.WriteStateAsync("unit", Grain, state);
        var other = new GrainState<List<string>>(["y"]);
        await storage.WriteStateAsync("agent", Grain, other);

        await storage.ClearStateAsync("unit", Grain, state);

        var read = new GrainState<List<string>>(["untouched"]);
        await storage.ReadStateAsync("unit", Grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Empty(state.State!);
        var kept = new GrainState<List<string>>([]);
        await storage.ReadStateAsync("agent", Grain, kept);
        Assert.Equal(["y"], kept.State);
    }
}
