using OrgTasks.Client;
using OrgTasks.Routine;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>
/// The picture tells the truth: cut-off groups, units without a contact, homes pending past the deadline and idle
/// districts are out of tune, each with its reason, before anything judged against peers.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Letter")]
public sealed class PictureTruthTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task Cut_off_groups_come_first_in_the_picture_with_their_reasons_and_their_pending_homes()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        await Client.ArrestAllAsync([city.A("o1"), city.A("o2"), city.A("c1"), city.A("c2"), city.A("c3")]);
        var id = await Client.IssueLeafletAsync(city.Committee, "Raid", "Hold on", deadline: TimeSpan.FromSeconds(1));
        // Every served group delivered too (only the cut-off groups' homes pending): else, once the clock is moved past
        // the deadline, a group still on its way would be out of tune as well.
        await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id),
            s => s.Stragglers.Count(x => x.Reason is not null) == 2 && s.HomesPending == 2L * LifeCity.HomesPerRoute + 3 + 3 * LifeCity.HomesPerRoute,
            what: "both cut-off groups holding and every other home reached");
        await Poll.UntilAsync(async () => Assert.Single(await Client.GetRoutineAsync(city.Committee)), r => r.Leaflets.Any(l => l.LeafletId == id),
            what: "the routine told of the leaflet");
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));

        var picture = Assert.Single(await Client.GetPictureAsync(city.Committee));

        var first = picture.Units.Take(2).ToDictionary(u => u.Unit);
        Assert.Equal(new[] { city.Open, city.Strict }.Order(), first.Keys.Order());
        Assert.Equal("cut off: no free member to carry routes", first[city.Open].OutOfTune[0]);
        Assert.Contains("12 home(s) pending for 1 min past the deadline", first[city.Open].OutOfTune);
        Assert.Equal(2L * LifeCity.HomesPerRoute, first[city.Open].HomesPending);
        Assert.Equal("cut off: no contact", first[city.Strict].OutOfTune[0]);
        Assert.Contains($"{3 + 3 * LifeCity.HomesPerRoute} home(s) pending for 1 min past the deadline", first[city.Strict].OutOfTune);
        // The groups that were served are not out of tune for it.
        Assert.Empty(picture.Units.Single(u => u.Unit == city.Circle).OutOfTune);
    }

    [Fact]
    public async Task Pending_homes_are_not_out_of_tune_before_the_deadline_nor_after_the_leaflet_is_closed()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        await Client.ArrestAllAsync([city.A("o1"), city.A("o2")]);
        var id = await Client.IssueLeafletAsync(city.Committee, "Soon", "Tomorrow", deadline: TimeSpan.FromHours(1));
        await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id), s => s.Stragglers.Any(x => x.Reason is not null), what: "the cut-off group holding");
        await Poll.UntilAsync(async () => Assert.Single(await Client.GetRoutineAsync(city.Committee)), r => r.Leaflets.Any(l => l.LeafletId == id),
            what: "the routine told of the leaflet");

        UnitPicture Open(PictureView view) => view.Units.Single(u => u.Unit == city.Open);
        Assert.Equal(["cut off: no free member to carry routes"], Open(Assert.Single(await Client.GetPictureAsync(city.Committee))).OutOfTune);

        fixture.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Contains("12 home(s) pending for 1 h 0 min past the deadline", Open(Assert.Single(await Client.GetPictureAsync(city.Committee))).OutOfTune);

        await Client.CloseLeafletAsync(id, "too late now");
        Assert.Equal(["cut off: no free member to carry routes"], Open(Assert.Single(await Client.GetPictureAsync(city.Committee))).OutOfTune);
    }

    [Fact]
    public async Task Districts_and_factories_without_a_complete_distribution_past_the_schedule_are_out_of_tune_as_idle()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        fixture.Clock.Advance(TimeSpan.FromDays(16));

        var picture = Assert.Single(await Client.GetPictureAsync(city.Committee));

        foreach (var area in new[] { city.District, city.Factory })
            Assert.Contains("idle: no complete distribution in 16 d 0 h", picture.Units.Single(u => u.Unit == area).OutOfTune);
        Assert.Equal(new[] { city.District, city.Factory }.Order(), picture.Units.Take(2).Select(u => u.Unit).Order());
        Assert.Empty(picture.Units.Single(u => u.Unit == city.Strict).OutOfTune);
    }
}
