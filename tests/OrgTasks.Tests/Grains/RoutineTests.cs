using OrgTasks.Client;
using OrgTasks.Life;
using OrgTasks.Routine;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

/// <summary>
/// The committee's routine on simulated time: the tests move the organization's fake clock and run the routine's tick
/// themselves (its reminder is set to an hour in the fixture, so it never ticks on its own during a test).
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class RoutineTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private OrgTasksClient Client => fixture.Client;

    private async Task<RoutineView> TickAsync(TestCity city) => Assert.Single(await Client.GetRoutineAsync(city.Committee, tick: true));

    private async Task<ReportsView> ReportsAsync(TestCity city) => Assert.Single(await Client.GetReportsAsync(city.Committee));

    private static IEnumerable<string> Groups(TestCity city, int districts) => Enumerable.Range(1, districts).SelectMany(d =>
        new[] { city.District(d), city.Factory(d), city.Group(d, 1), city.Group(d, 2) });

    [Fact]
    public async Task Three_routine_distributions_are_issued_in_a_simulated_month_and_reach_every_home()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);

        Assert.Equal(0, (await TickAsync(city)).RoutineDistributions);
        fixture.Clock.Advance(TimeSpan.FromDays(10) - Second);
        Assert.Equal(0, (await TickAsync(city)).RoutineDistributions);
        var issued = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            fixture.Clock.Advance(n == 1 ? Second : TimeSpan.FromDays(10));
            var view = await TickAsync(city);
            Assert.Equal(n, view.RoutineDistributions);
            // A tick repeated at the same time (a reminder and an operator together) issues nothing more.
            Assert.Equal(n, (await TickAsync(city)).RoutineDistributions);
            issued.Add(Assert.Single(view.Leaflets, l => l.Routine && !issued.Contains(l.LeafletId)).LeafletId);
        }

        Assert.Equal(3, issued.Distinct().Count());
        foreach (var id in issued)
        {
            var status = await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id), s => s.Complete, what: $"routine leaflet {id}");
            Assert.Equal(city.Committee, status.Scope);
            Assert.Equal((2 * city.HomesPerDistrict, 2 * city.HomesPerDistrict, 0L), (status.HomesTotal, status.HomesReached, status.Duplicates));
        }
    }

    [Fact]
    public async Task Idle_alarm_names_exactly_the_district_and_factory_whose_distribution_did_not_complete()
    {
        var city = TestCity.Create(districts: 3);
        await Client.ApplyAsync(city.Spec);
        var stuck = city.Distributor(2, 1, 3);
        fixture.Blockade.BlockDeliveries(stuck);
        try
        {
            fixture.Clock.Advance(TimeSpan.FromDays(10));
            var issued = Assert.Single((await TickAsync(city)).Leaflets, l => l.Routine).LeafletId;
            await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(issued),
                s => s.Districts.Count(d => d.Complete) == 2, what: "districts 1 and 3 served");

            // Day 16: districts 1 and 3 had a distribution 6 days ago; district 2 never had a complete one (16 > 15 days).
            fixture.Clock.Advance(TimeSpan.FromDays(6));
            var view = await TickAsync(city);

            Assert.Equal(new[] { city.District(2), city.Factory(2) }.Order(), view.Idle.Select(a => a.Unit).Order());
            Assert.All(view.Idle, a => Assert.Null(a.LastDistribution));
            Assert.Equal(6, view.AreasWatched);
            var alarm = Assert.Single(await Client.GetNoticesAsync(city.Committee), n => n.Kind == NoticeKind.IdleAlarm);
            Assert.Contains(city.Factory(2), alarm.Text);
            Assert.DoesNotContain(city.District(1), alarm.Text);
            Assert.DoesNotContain(city.District(3), alarm.Text);
            // The alarm is raised once, not on every tick.
            await TickAsync(city);
            Assert.Single(await Client.GetNoticesAsync(city.Committee), n => n.Kind == NoticeKind.IdleAlarm);
        }
        finally
        {
            fixture.Blockade.LiftDeliveries(stuck);
        }
    }

    [Fact]
    public async Task Overdue_report_is_flagged_on_simulated_time_and_cleared_when_it_arrives()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);
        var late = city.Group(1, 1);
        var contact = city.Distributor(1, 1, 1);
        // The group's contact cannot be reached: its report waits at the group, stored, and is retried.
        fixture.Blockade.Block(contact, "TransmitStatements");
        try
        {
            Assert.Equal(0, (await ReportsAsync(city)).Overdue);
            fixture.Clock.Advance(TimeSpan.FromDays(14));
            await TickAsync(city);
            var others = Groups(city, 2).Where(g => g != late).ToHashSet();
            await Poll.UntilAsync(() => ReportsAsync(city), r => r.Received == others.Count, what: "every other group's report");

            fixture.Clock.Advance(TimeSpan.FromDays(2) + Second);
            var ticked = await TickAsync(city);
            Assert.Equal(1, ticked.ReportsOverdue);
            var reports = await ReportsAsync(city);
            var overdue = Assert.Single(reports.Groups, g => g.Overdue);
            Assert.Equal(late, overdue.Unit);
            Assert.Null(overdue.LastReceived);
            Assert.Equal(Second, overdue.OverdueBy);
            Assert.All(reports.Groups.Where(g => g.Unit != late), g => Assert.NotNull(g.LastReceived));
            var notice = Assert.Single(await Client.GetNoticesAsync(city.Committee), n => n.Kind == NoticeKind.ReportOverdue);
            Assert.Contains(late, notice.Text);
        }
        finally
        {
            fixture.Blockade.Lift(contact, "TransmitStatements");
        }

        var cleared = await Poll.UntilAsync(() => ReportsAsync(city), r => r.Overdue == 0, what: "the late report arrived");
        var arrived = Assert.Single(cleared.Groups, g => g.Unit == late);
        Assert.NotNull(arrived.LastReceived);
        Assert.Equal(8, cleared.Received);
        Assert.Equal(0, (await TickAsync(city)).ReportsOverdue);
    }

    [Fact]
    public async Task A_report_travels_up_through_every_contact_like_a_statement_and_arrives_once()
    {
        var city = TestCity.Create(districts: 1);
        await Client.ApplyAsync(city.Spec);
        fixture.Clock.Advance(TimeSpan.FromDays(14));
        await TickAsync(city);
        await TickAsync(city); // asked twice: the same report id, nothing doubled

        var id = $"report:{city.Group(1, 2)}:1";
        var route = await Client.DeliveredAsync(id);

        Assert.Equal(
            [city.Group(1, 2), city.Distributor(1, 2, 1), city.Factory(1), city.FactoryContact(1), city.District(1), city.DistrictContact(1), city.Committee],
            route.Hops.Select(h => h.Holder));
        Assert.Equal(city.Distributor(1, 2, 1), route.Author);
        var inbox = await Client.GetInboxAsync(city.Committee);
        var entry = Assert.Single(inbox, e => e.Statement.Id == id);
        Assert.Equal(city.Group(1, 2), entry.Statement.ReportOf);
        Assert.Equal(OrgTasks.Statements.StatementKind.Report, entry.Statement.Kind);
        Assert.Contains("members: 3", entry.Statement.Text);
    }

    [Fact]
    public async Task The_digest_of_reports_reaches_the_Central_Organ_through_the_committee_contact()
    {
        var city = TestCity.Create(districts: 1);
        await Client.ApplyAsync(city.Spec);
        await Client.ConsentAsync(city.Committee);
        fixture.Clock.Advance(TimeSpan.FromDays(14));
        await TickAsync(city);
        await Poll.UntilAsync(() => ReportsAsync(city), r => r.Received == 4, what: "all four reports");

        fixture.Clock.Advance(TimeSpan.FromDays(2) + Second);
        await TickAsync(city);

        var id = $"digest:{city.Committee}:1";
        var route = await Client.DeliveredAsync(id);
        Assert.Equal([city.Committee, city.Secretary, city.CentralOrgan], route.Hops.Select(h => h.Holder));
        var digest = Assert.Single(await Client.GetInboxAsync(city.CentralOrgan), e => e.Statement.Id == id).Statement;
        Assert.Equal(city.Committee, digest.ReportOf);
        Assert.Contains("groups: 4; reported: 4; not reported: 0", digest.Text);
    }

    [Fact]
    public async Task Picture_names_a_deliberately_slow_group_first_with_the_reason()
    {
        var city = TestCity.Create(districts: 3);
        await Client.ApplyAsync(city.Spec);
        var slow = city.Group(2, 1);
        var stuck = city.Distributor(2, 1, 2);
        fixture.Blockade.BlockDeliveries(stuck);
        try
        {
            var id = await Client.IssueLeafletAsync(city.Committee, "Strike", "All out on Monday");
            await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id), s => s.UnitsComplete == 5, what: "every other group served");
            await Poll.UntilAsync(async () => Assert.Single(await Client.GetRoutineAsync(city.Committee)), r => r.Leaflets.Any(l => l.LeafletId == id),
                what: "the routine told of the leaflet");
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));

            var picture = Assert.Single(await Client.GetPictureAsync(city.Committee));

            Assert.Equal([id], picture.Leaflets);
            var first = picture.Units[0];
            Assert.Equal(slow, first.Unit);
            Assert.Contains("median 60.0 s vs 0.0 s for peers", first.OutOfTune);
            Assert.Contains("coverage 0.0 % vs 100.0 % for peers", first.OutOfTune);
            Assert.Equal(new[] { slow, city.Factory(2), city.District(2) }.Order(), picture.Units.Where(u => u.OutOfTune.Count > 0).Select(u => u.Unit).Order());
            var peer = Assert.Single(picture.Units, u => u.Unit == city.Group(1, 1));
            Assert.Equal((15L, 15L, 0.0), (peer.HomesReached, peer.HomesTotal, peer.MedianSeconds));
            var committee = Assert.Single(picture.Units, u => u.Unit == city.Committee);
            Assert.Contains($"{city.Secretary}: secretary", committee.Functions);
            Assert.Equal(3 * city.HomesPerDistrict, committee.HomesTotal);
        }
        finally
        {
            fixture.Blockade.LiftDeliveries(stuck);
        }
    }
}
