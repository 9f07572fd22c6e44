using OrgTasks.Grains.Durability;

namespace OrgTasks.Tests.Journals;

/// <summary>What every delivery journal must do, whatever stores it: an OR-merge with exact counts.</summary>
public abstract class DeliveryJournalContract : JournalContract
{
    private static ulong[] Homes(int routeHomes, params int[] homes)
    {
        var mask = new ulong[(routeHomes + 63) / 64];
        foreach (var home in homes) mask[home >> 6] |= 1UL << (home & 63);
        return mask;
    }

    private static int[] Range(int from, int count) => Enumerable.Range(from, count).ToArray();

    [Fact]
    public async Task A_first_delivery_reaches_every_home_it_names()
    {
        var leaflet = Run + "l1";
        var (record, newly) = await Journals.Deliveries.RecordAsync(leaflet, "agent-1", "agent-1", 42, HomeMask.All(42), T0);

        Assert.Equal(42, newly);
        Assert.Equal(42, record.HomesReached);
        Assert.Equal(0, record.Duplicates);
        Assert.Equal(HomeMask.All(42), record.Delivered);
        Assert.Equal((leaflet, "agent-1", "agent-1", 42, T0), (record.LeafletId, record.Route, record.DeliveredBy, record.HomesOnRoute, record.DeliveredAt));
        var found = await Journals.Deliveries.FindAsync(leaflet, "agent-1");
        Assert.Equal(record.Delivered, found?.Delivered);
        Assert.Equal(T0, found?.DeliveredAt);
        Assert.Null(await Journals.Deliveries.FindAsync(leaflet, "agent-2"));
        Assert.Null(await Journals.Deliveries.FindAsync(Run + "unknown", "agent-1"));
    }

    [Fact]
    public async Task Merging_counts_only_new_homes_and_overlaps_as_duplicates()
    {
        var leaflet = Run + "l1";
        await Journals.Deliveries.RecordAsync(leaflet, "agent-1", "agent-1", 42, Homes(42, Range(0, 10)), T0);

        var (second, newly) = await Journals.Deliveries.RecordAsync(leaflet, "agent-1", "agent-7", 42, Homes(42, Range(5, 15)), T0.AddSeconds(5));
        Assert.Equal(10, newly);
        Assert.Equal(5, second.Duplicates);
        Assert.Equal(20, second.HomesReached);
        Assert.Equal(Homes(42, Range(0, 20)), second.Delivered);
        Assert.Equal("agent-7", second.DeliveredBy);
        Assert.Equal(T0.AddSeconds(5), second.DeliveredAt);

        var (third, none) = await Journals.Deliveries.RecordAsync(leaflet, "agent-1", "agent-1", 42, Homes(42, Range(0, 5)), T0.AddSeconds(9));
        Assert.Equal(0, none);
        Assert.Equal(10, third.Duplicates);
        Assert.Equal(T0.AddSeconds(5), third.DeliveredAt); // nothing new: the time of the last new home stands
        Assert.Equal(third.Delivered, (await Journals.Deliveries.FindAsync(leaflet, "agent-1"))?.Delivered);
    }

    [Fact]
    public async Task Routes_longer_than_one_word_and_masks_of_different_lengths_merge()
    {
        var leaflet = Run + "l1";
        await Journals.Deliveries.RecordAsync(leaflet, "agent-1", "agent-1", 130, Homes(130, 0, 64, 129), T0);
        var (shorter, newly) = await Journals.Deliveries.RecordAsync(leaflet, "agent-1", "agent-1", 60, Homes(60, 0, 1, 59), T0);
        var (longer, again) = await Journals.Deliveries.RecordAsync(leaflet, "agent-1", "agent-1", 200, Homes(200, 1, 199), T0);

        Assert.Equal((2, 1), (newly, shorter.Duplicates));
        Assert.Equal(Homes(130, 0, 1, 59, 64, 129), shorter.Delivered);
        Assert.Equal((1, 2), (again, longer.Duplicates));
        Assert.Equal(Homes(200, 0, 1, 59, 64, 129, 199), longer.Delivered);
        Assert.Equal(6, longer.HomesReached);
    }

    [Fact]
    public async Task A_leaflet_loads_every_route_of_its_own()
    {
        var leaflet = Run + "l1";
        for (var i = 0; i < 5; i++) await Journals.Deliveries.RecordAsync(leaflet, "agent-" + i, "agent-" + i, 10, HomeMask.All(10), T0);
        await Journals.Deliveries.RecordAsync(Run + "l2", "agent-0", "agent-0", 10, HomeMask.All(10), T0);

        var records = await Journals.Deliveries.LoadLeafletAsync(leaflet);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => "agent-" + i), records.Select(r => r.Route).Order());
        Assert.All(records, r => Assert.Equal(10, r.HomesReached));
        Assert.Empty(await Journals.Deliveries.LoadLeafletAsync(Run + "unknown"));
    }

    [Fact]
    public async Task Concurrent_deliveries_give_exact_masks_and_counts()
    {
        var leaflet = Run + "l1";
        // 2,000 distributors at once, each its own route of 42 homes.
        var distinct = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() =>
            Journals.Deliveries.RecordAsync(leaflet, "agent-" + i, "agent-" + i, 42, HomeMask.All(42), T0))));
        // 200 at once on one shared route of 100 homes, with overlapping masks: each names homes i and 7i+3 (mod 100).
        var masks = Enumerable.Range(0, 200).Select(i => Homes(100, i % 100, (7 * i + 3) % 100)).ToList();
        var shared = await Task.WhenAll(masks.Select(m => Task.Run(() =>
            Journals.Deliveries.RecordAsync(leaflet, "shared", "someone", 100, m, T0))));

        Assert.All(distinct, d => Assert.Equal((42, 42, 0), (d.Newly, d.Record.HomesReached, d.Record.Duplicates)));
        var union = masks.Aggregate(new ulong[2], (all, m) => HomeMask.Merge(all, m).Merged);
        var named = masks.Sum(HomeMask.Count);
        var record = await Journals.Deliveries.FindAsync(leaflet, "shared");
        Assert.Equal(union, record?.Delivered);
        Assert.Equal(HomeMask.Count(union), shared.Sum(s => s.Newly));
        Assert.Equal(named - HomeMask.Count(union), record?.Duplicates);
        Assert.Equal(named - HomeMask.Count(union), shared.Max(s => s.Record.Duplicates));
        Assert.Equal(2_001, (await Journals.Deliveries.LoadLeafletAsync(leaflet)).Count);
    }

    [Fact]
    public async Task Concurrent_look_ups_answer_every_route_with_its_own_record()
    {
        var leaflet = Run + "l1";
        await Task.WhenAll(Enumerable.Range(0, 2_000).Where(i => i % 3 != 0).Select(i =>
            Journals.Deliveries.RecordAsync(leaflet, "agent-" + i, "agent-" + i, 42, Homes(42, i % 42), T0)));

        var found = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() => Journals.Deliveries.FindAsync(leaflet, "agent-" + i))));

        for (var i = 0; i < found.Length; i++)
        {
            if (i % 3 == 0) Assert.Null(found[i]);
            else
            {
                Assert.Equal("agent-" + i, found[i]?.Route);
                Assert.Equal(Homes(42, i % 42), found[i]?.Delivered);
            }
        }
    }
}
