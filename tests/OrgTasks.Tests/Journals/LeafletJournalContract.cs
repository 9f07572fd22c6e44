using OrgTasks.Grains.Durability;
using OrgTasks.Leaflets;

namespace OrgTasks.Tests.Journals;

/// <summary>What every leaflet journal must do, whatever stores it.</summary>
public abstract class LeafletJournalContract : JournalContract
{
    private Leaflet Leaflet(string id) => new()
    {
        Id = Run + id,
        Issuer = Run + "committee",
        Scope = Run + "committee",
        Title = "To the workers of " + id,
        Text = "Comrades! Tomorrow at the gates.",
        IssuedAt = T0,
        Deadline = T0.AddHours(8),
    };

    private SubtreeCoverage Coverage(string unit, Leaflet leaflet, long reached) => new()
    {
        Unit = unit,
        LeafletId = leaflet.Id,
        HomesTotal = 420,
        HomesReached = reached,
        Duplicates = 1,
        CompletedAt = T0.AddMinutes(3),
    };

    [Fact]
    public async Task A_leaflet_accepted_twice_answers_with_the_first_record()
    {
        var unit = Run + "district";
        var leaflet = Leaflet("l1");

        var first = await Journals.Leaflets.AcceptAsync(unit, leaflet, T0.AddSeconds(1));
        var again = await Journals.Leaflets.AcceptAsync(unit, leaflet with { Title = "changed" }, T0.AddSeconds(9));

        Assert.Equal(new UnitLeafletRecord(leaflet, UnitLeafletStage.Open, null, T0.AddSeconds(1)), first);
        Assert.Equal(first, again);
        Assert.Equal(first, await Journals.Leaflets.FindAsync(unit, leaflet.Id));
        Assert.Null(await Journals.Leaflets.FindAsync(unit, Run + "unknown"));
    }

    [Fact]
    public async Task A_leaflet_moves_from_open_to_complete_to_reported_and_only_forward()
    {
        var unit = Run + "factory";
        var leaflet = Leaflet("l1");
        await Journals.Leaflets.AcceptAsync(unit, leaflet, T0);

        await Journals.Leaflets.MarkReportedAsync(unit, Run + "never-accepted");
        await Journals.Leaflets.CompleteAsync(unit, leaflet.Id, Coverage(unit, leaflet, 400));
        await Journals.Leaflets.CompleteAsync(unit, leaflet.Id, Coverage(unit, leaflet, 1)); // a repeat changes nothing
        var complete = await Journals.Leaflets.FindAsync(unit, leaflet.Id);
        Assert.Equal(UnitLeafletStage.Complete, complete?.Stage);
        Assert.Equal(Coverage(unit, leaflet, 400), complete?.Coverage);
        Assert.Single(await Journals.Leaflets.LoadUnfinishedAsync(unit));

        await Journals.Leaflets.MarkReportedAsync(unit, leaflet.Id);
        await Journals.Leaflets.CompleteAsync(unit, leaflet.Id, Coverage(unit, leaflet, 2));
        var reported = await Journals.Leaflets.FindAsync(unit, leaflet.Id);
        Assert.Equal(UnitLeafletStage.Reported, reported?.Stage);
        Assert.Equal(Coverage(unit, leaflet, 400), reported?.Coverage);
        Assert.Empty(await Journals.Leaflets.LoadUnfinishedAsync(unit));
        Assert.Equal(UnitLeafletStage.Reported, (await Journals.Leaflets.AcceptAsync(unit, leaflet, T0.AddHours(1))).Stage);
    }

    [Fact]
    public async Task Unfinished_leaflets_are_the_open_and_complete_ones_of_that_unit_oldest_first()
    {
        var unit = Run + "district";
        var (l1, l2, l3) = (Leaflet("l1"), Leaflet("l2"), Leaflet("l3"));
        await Journals.Leaflets.AcceptAsync(unit, l2, T0.AddMinutes(2));
        await Journals.Leaflets.AcceptAsync(unit, l1, T0.AddMinutes(1));
        await Journals.Leaflets.AcceptAsync(unit, l3, T0.AddMinutes(3));
        await Journals.Leaflets.AcceptAsync(Run + "elsewhere", l1, T0);
        await Journals.Leaflets.CompleteAsync(unit, l2.Id, Coverage(unit, l2, 420));
        await Journals.Leaflets.CompleteAsync(unit, l3.Id, Coverage(unit, l3, 420));
        await Journals.Leaflets.MarkReportedAsync(unit, l3.Id);

        var unfinished = await Journals.Leaflets.LoadUnfinishedAsync(unit);
        Assert.Equal([l1.Id, l2.Id], unfinished.Select(r => r.Leaflet.Id));
        Assert.Equal([UnitLeafletStage.Open, UnitLeafletStage.Complete], unfinished.Select(r => r.Stage));
        Assert.Equal(l1, unfinished[0].Leaflet);
        Assert.Empty(await Journals.Leaflets.LoadUnfinishedAsync(Run + "nobody"));
    }

    [Fact]
    public async Task Each_unit_keeps_the_copy_it_was_handed()
    {
        var leaflet = Leaflet("l1");
        var hidden = leaflet with { Issuer = "" }; // a group that must not learn of the organization
        await Journals.Leaflets.AcceptAsync(Run + "district", leaflet, T0);
        await Journals.Leaflets.AcceptAsync(Run + "students", hidden, T0);

        Assert.Equal(leaflet, (await Journals.Leaflets.FindAsync(Run + "district", leaflet.Id))?.Leaflet);
        Assert.Equal(hidden, (await Journals.Leaflets.FindAsync(Run + "students", leaflet.Id))?.Leaflet);
    }

    [Fact]
    public async Task Concurrent_acceptances_by_many_units_give_one_record_each()
    {
        var leaflet = Leaflet("l1");
        var units = Enumerable.Range(0, 3_015).Select(i => Run + "unit-" + i).ToList();

        var first = await Task.WhenAll(units.Select(u => Task.Run(() => Journals.Leaflets.AcceptAsync(u, leaflet, T0))));
        var again = await Task.WhenAll(units.Select(u => Task.Run(() => Journals.Leaflets.AcceptAsync(u, leaflet, T0.AddMinutes(1)))));

        Assert.All(first.Concat(again), r => Assert.Equal(new UnitLeafletRecord(leaflet, UnitLeafletStage.Open, null, T0), r));
        var unfinished = await Task.WhenAll(units.Select(u => Task.Run(() => Journals.Leaflets.LoadUnfinishedAsync(u))));
        Assert.All(unfinished, list => Assert.Equal(leaflet.Id, Assert.Single(list).Leaflet.Id));
    }
}
