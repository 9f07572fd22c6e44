using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Organization;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>
/// One centre, many committees: several cities under one Central Committee and Central Organ in one cluster. Each
/// committee's statements arrive in the shared inboxes naming their committee, consent is per committee, the centre's
/// picture and reports span every committee, and a leaflet from the centre to itself reaches every committee's homes.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Letter")]
public sealed class CentreTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task Two_committees_share_one_central_committee_and_their_statements_arrive_naming_their_committee()
    {
        var centre = "c" + Guid.NewGuid().ToString("N")[..8];
        var moscow = await Client.AppliedAsync(new LifeCity(centre: centre));
        var petersburg = await Client.AppliedAsync(new LifeCity(centre: centre));
        Assert.Equal(moscow.CentralCommittee, petersburg.CentralCommittee);

        var fromMoscow = await Client.SendStatementAsync(moscow.A("c4"), Addressee.CentralCommittee, "Moscow reports");
        var fromPetersburg = await Client.SendStatementAsync(petersburg.A("o1"), Addressee.CentralCommittee, "Petersburg reports");
        await Client.DeliveredAsync(fromMoscow);
        await Client.DeliveredAsync(fromPetersburg);

        var inbox = await Client.GetInboxAsync(moscow.CentralCommittee);
        Assert.Equal(moscow.Committee, inbox.Single(e => e.Statement.Id == fromMoscow).From);
        Assert.Equal(petersburg.Committee, inbox.Single(e => e.Statement.Id == fromPetersburg).From);

        // Applying either file again changes nothing and keeps the other committee under the centre.
        Assert.True((await Client.ApplyAsync(moscow.Spec)).NothingChanged);
        var again = await Client.SendStatementAsync(petersburg.A("o1"), Addressee.CentralOrgan, "to the newspaper");
        Assert.Equal(petersburg.CentralOrgan, (await Client.DeliveredAsync(again)).Where);
    }

    [Fact]
    public async Task Consent_is_per_committee_a_new_committee_waits_while_the_other_is_heard()
    {
        var centre = "c" + Guid.NewGuid().ToString("N")[..8];
        var old = await Client.AppliedAsync(new LifeCity(centre: centre));
        var fresh = await Client.AppliedAsync(new LifeCity(centre: centre), consent: false);

        var waiting = await Client.SendStatementAsync(fresh.A("c4"), Addressee.CentralCommittee, "may we join?");
        var heard = await Client.SendStatementAsync(old.A("c4"), Addressee.CentralCommittee, "all well");
        await Client.DeliveredAsync(heard);
        await Poll.UntilAsync(() => Client.GetRouteAsync(waiting), r => r.Where == fresh.Committee, what: "held at the new committee");
        Assert.False((await Client.GetLifeAsync(fresh.Committee)).Consented);
        Assert.True((await Client.GetLifeAsync(old.Committee)).Consented);

        await Client.ConsentAsync(fresh.Committee);
        Assert.Equal(fresh.CentralCommittee, (await Client.DeliveredAsync(waiting)).Where);
    }

    [Fact]
    public async Task The_centres_picture_and_reports_span_every_committee_and_its_leaflet_reaches_every_home()
    {
        var centre = "c" + Guid.NewGuid().ToString("N")[..8];
        var cities = new[] { await Client.AppliedAsync(new LifeCity(centre: centre)), await Client.AppliedAsync(new LifeCity(centre: centre)) };
        var cc = cities[0].CentralCommittee;

        var pictures = await Client.GetPictureAsync(cc);
        Assert.Equal(cities.Select(c => c.Spec.Name).Order(), pictures.Select(p => p.Organization).Order());
        Assert.Equal(cities.Select(c => c.Committee).Order(), pictures.Select(p => p.Root).Order());
        var reports = await Client.GetReportsAsync(cc);
        Assert.Equal(cities.Select(c => c.Committee).Order(), reports.Select(r => r.Committee).Order());

        var id = await Client.IssueLeafletAsync(cc, "To every committee", "The congress is called");
        var status = await Client.CompleteAsync(id);
        Assert.Equal((2 * LifeCity.Homes, 2 * LifeCity.Homes, 0L), (status.HomesTotal, status.HomesReached, status.Duplicates));
        Assert.Equal(cities.Select(c => c.District).Order(), status.Districts.Select(d => d.Unit).Order());

        // To one committee only: that city's homes.
        var one = await Client.IssueLeafletAsync(cc, "Moscow only", "For you", scope: cities[1].Committee);
        Assert.Equal(LifeCity.Homes, (await Client.CompleteAsync(one)).HomesReached);
    }

    [Fact]
    public async Task The_centres_digest_of_reports_from_reading_groups_goes_down_to_the_reading_groups_of_every_committee_only()
    {
        var centre = "c" + Guid.NewGuid().ToString("N")[..8];
        var cities = new[] { await Client.AppliedAsync(new LifeCity(centre: centre)), await Client.AppliedAsync(new LifeCity(centre: centre)) };
        var cc = cities[0].CentralCommittee;
        // Members of the reading groups (kind reading) in both cities report to the centre; a distributor reports too.
        foreach (var (city, agent, text) in new[] { (cities[0], "o2", "our circle read the Iskra aloud"), (cities[1], "o2", "we copy every issue by hand"),
                     (cities[0], "c4", "routes done by six") })
            await Client.DeliveredAsync(await Client.SendStatementAsync(city.A(agent), Addressee.CentralCommittee, text));

        var (id, reports, committees) = await Client.IssueCentreDigestAsync(cc, OrgTasks.Plan.UnitKind.Reading);

        Assert.Equal((2, 2), (reports, committees));
        var status = await Client.CompleteAsync(id);
        Assert.Equal((4L * LifeCity.HomesPerRoute, 0L), (status.HomesReached, status.Duplicates)); // o1 and o2 in each city
        Assert.Empty(status.Stragglers);
        var records = await fixture.Deliveries.LoadLeafletAsync(id);
        Assert.Equal(cities.SelectMany(c => new[] { c.A("o1"), c.A("o2") }).Order(), records.Select(r => r.Route).Order());
        var copy = await Client.GetLeafletStatusAsync(id);
        Assert.Equal("From the centre to reading groups", copy.Title);
        await Assert.ThrowsAsync<OrgTasks.Errors.InvalidRequestException>(() => Client.IssueCentreDigestAsync(cc, OrgTasks.Plan.UnitKind.Military));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_city_that_drops_the_centre_from_its_file_leaves_it_to_the_others_and_the_last_one_dissolves_it(bool lastAppliedLeaves)
    {
        var centre = "c" + Guid.NewGuid().ToString("N")[..8];
        var first = await Client.AppliedAsync(new LifeCity(centre: centre));
        var second = await Client.AppliedAsync(new LifeCity(centre: centre));
        var (leaving, staying) = lastAppliedLeaves ? (second, first) : (first, second);
        var cc = staying.CentralCommittee;

        var report = await Client.ApplyAsync(WithoutCentre(leaving));
        Assert.Equal(new[] { leaving.CentralCommittee, leaving.CentralOrgan }.Order(), report.UnitsRemoved.Order());

        // The centre is still found (the registry) and still configured (the unit), with the staying committee alone under it.
        Assert.Equal(staying.Spec.Name, (await Client.FindUnitAsync(cc)).Organization);
        Assert.Equal([staying.Committee], (await Client.GetUnitConfigAsync(cc)).Children.Select(c => c.Unit.Id));
        Assert.Equal([staying.Committee], (await Client.GetUnitConfigAsync(staying.CentralOrgan)).Children.Select(c => c.Unit.Id));
        var heard = await Client.SendStatementAsync(staying.A("c4"), Addressee.CentralCommittee, "still here");
        Assert.Equal(cc, (await Client.DeliveredAsync(heard)).Where);
        var leaflet = await Client.IssueLeafletAsync(cc, "To the committees left", "Hold on");
        Assert.Equal(LifeCity.Homes, (await Client.CompleteAsync(leaflet)).HomesReached);

        // The last city to drop it dissolves it.
        await Client.ApplyAsync(WithoutCentre(staying));
        await Assert.ThrowsAsync<OrgTasks.Errors.NotFoundException>(() => Client.FindUnitAsync(cc));
        Assert.Null(await Client.As(null, () => Client.Grains.GetUnit(new OrgTasks.Plan.UnitRef(cc, OrgTasks.Plan.UnitKind.CentralCommittee)).GetConfig()));
    }

    private static OrganizationSpec WithoutCentre(LifeCity city)
    {
        var parsed = OrgFile.Parse(string.Join('\n', city.Yaml.Split('\n').Where(l => !l.StartsWith("centre:", StringComparison.Ordinal))), city.P + ".yaml");
        return parsed.Organization ?? throw new InvalidOperationException(string.Join("\n", parsed.Errors));
    }

    [Fact]
    public async Task Generated_cities_carry_their_committees_id_and_share_one_cluster_and_centre()
    {
        var p = "g" + Guid.NewGuid().ToString("N")[..8];
        OrganizationSpec City(string name) => OrgFile.Parse($$"""
            organization: {{p}}-{{name}}
            centre: { central-committee: {{p}}-cc, central-organ: {{p}}-co }
            committee:
              id: {{p}}-{{name}}
              contact: {{p}}-{{name}}-sec
              members:
                - { agent: {{p}}-{{name}}-sec, function: secretary }
            agents:
              - { id: {{p}}-{{name}}-sec }
            generate: { districts: 2, factories-per-district: 1, groups-per-factory: 1, agents-per-group: 2, homes-per-agent: 3 }
            """, name + ".yaml").Organization!;
        var moscow = City("msk");
        var petersburg = City("spb");
        Assert.Contains(moscow.Agents, a => a.Id == $"{p}-msk-d01-f001-g1-a01");

        await Client.ApplyAsync(moscow);
        var second = await Client.ApplyAsync(petersburg);
        Assert.Equal(petersburg.Agents.Count, second.AgentsAdded.Count);

        var id = await Client.IssueLeafletAsync($"{p}-cc", "Both cities", "Together");
        Assert.Equal(2 * 2 * 2 * 3L, (await Client.CompleteAsync(id)).HomesReached);
    }
}
