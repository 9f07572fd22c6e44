using OrgTasks.Client;
using OrgTasks.Organization;
using OrgTasks.Plan;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class ApplyTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task Applying_the_same_organization_twice_changes_nothing_the_second_time()
    {
        var city = TestCity.Create(districts: 2);

        var first = await Client.ApplyAsync(city.Spec);
        var second = await Client.ApplyAsync(city.Spec);

        Assert.False(first.NothingChanged);
        Assert.Equal(city.Spec.UnitCount, first.UnitsAdded.Count);
        Assert.Equal(city.Spec.Agents.Count, first.AgentsAdded.Count);
        Assert.True(second.NothingChanged);
        Assert.Equal(first.HomeCount, second.HomeCount);
    }

    [Fact]
    public async Task Applying_a_changed_file_reports_exactly_what_changed_and_the_grains_follow()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);
        // Group d1/g1 appoints its alternate as contact; group d2/g2 is dissolved with its distributors.
        var gone = city.Group(2, 2);
        var goneAgents = city.Spec.Groups.Single(g => g.Id == gone).Members;
        var changed = new OrganizationSpec
        {
            Name = city.Spec.Name,
            Centre = city.Spec.Centre,
            Committee = city.Spec.Committee,
            Groups = city.Spec.Groups.Where(g => g.Id != gone)
                .Select(g => g.Id == city.Group(1, 1) ? g with { Contact = city.Distributor(1, 1, 2), Alternates = [city.Distributor(1, 1, 1)] } : g)
                .ToList(),
            Agents = city.Spec.Agents.Where(a => !goneAgents.Contains(a.Id)).ToList(),
        };

        var report = await Client.ApplyAsync(changed);

        Assert.Equal([gone], report.UnitsRemoved);
        Assert.Equal(goneAgents.Order(), report.AgentsRemoved.Order());
        Assert.Contains(city.Group(1, 1), report.UnitsChanged);
        Assert.Contains(city.Factory(2), report.UnitsChanged); // it lost a child
        Assert.Contains(city.Distributor(1, 1, 2), report.AgentsChanged); // now a contact
        Assert.Empty(report.UnitsAdded);

        var tree = await Client.DescribeAsync(city.Committee);
        Assert.DoesNotContain(tree, u => u.Unit.Id == gone);
        Assert.Equal(city.Distributor(1, 1, 2), tree.Single(u => u.Unit.Id == city.Group(1, 1)).Contact);
        Assert.True((await Client.ApplyAsync(changed)).NothingChanged);
    }

    [Fact]
    public async Task The_directory_describes_the_tree_with_contacts_and_homes()
    {
        var city = TestCity.Create(districts: 2, homesPerAgent: 4);
        await Client.ApplyAsync(city.Spec);

        var tree = await Client.DescribeAsync(city.District(1));

        Assert.Equal(city.District(1), tree[0].Unit.Id);
        Assert.Equal(UnitKind.District, tree[0].Unit.Kind);
        Assert.Equal(4, tree.Count); // district, factory, two groups
        Assert.Equal(2 * 3 * 4, tree[0].SubtreeHomes);
        var group = tree.Single(u => u.Unit.Id == city.Group(1, 2));
        Assert.Equal(city.Distributor(1, 2, 1), group.Contact);
        Assert.Equal(12, group.OwnHomes);
        Assert.Equal(city.District(1), group.District);
        Assert.Equal(city.Factory(1), group.Factory);
    }

    [Fact]
    public async Task A_unit_id_already_used_by_another_organization_is_refused_and_nothing_changes()
    {
        var city = TestCity.Create(districts: 1);
        await Client.ApplyAsync(city.Spec);
        var other = new OrganizationSpec
        {
            Name = city.Spec.Name + "-rival", Centre = null, Committee = city.Spec.Committee, Groups = city.Spec.Groups, Agents = city.Spec.Agents,
        };

        var refused = await Assert.ThrowsAsync<OrgTasks.Errors.InvalidRequestException>(() => Client.ApplyAsync(other));

        Assert.Contains("nothing was applied", refused.Message);
        Assert.Contains($"belongs to organization '{city.Spec.Name}'", refused.Message);
        var location = await Client.FindUnitAsync(city.Committee);
        Assert.Equal(city.Spec.Name, location.Organization);
    }

    [Fact]
    public async Task An_agent_id_already_used_by_another_organization_is_refused_and_no_unit_of_the_rival_is_made()
    {
        var city = TestCity.Create(districts: 1);
        await Client.ApplyAsync(city.Spec);
        var rival = TestCity.Create(districts: 1);
        var taken = city.Distributor(1, 2, 3);
        var yaml = rival.Yaml.Replace(rival.Distributor(1, 2, 3), taken);
        var spec = OrgFile.Parse(yaml, "rival.yaml").Organization!;

        var refused = await Assert.ThrowsAsync<OrgTasks.Errors.InvalidRequestException>(() => Client.ApplyAsync(spec));

        Assert.Contains("nothing was applied", refused.Message);
        Assert.Contains($"agent '{taken}' belongs to organization '{city.Spec.Name}'", refused.Message);
        Assert.DoesNotContain("unit '", refused.Message);
        Assert.Null(await Client.As(null, () => Client.Grains.GetGrain<OrgTasks.Grains.ICommitteeGrain>(rival.Committee).GetConfig()));
        Assert.Equal(city.Spec.Name, (await Client.FindUnitAsync(city.Committee)).Organization);
    }
}
