using OrgTasks.Organization;
using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>The sample files under samples/ load valid, with the numbers they were written to have.</summary>
[Trait("Category", "Organization")]
public sealed class SampleFileTests
{
    [Fact]
    public void St_Petersburg_sample_is_valid_with_its_counts()
    {
        var organization = OrgFile.LoadValid(RepoPaths.Sample("st-petersburg.yaml"));

        Assert.Equal("st-petersburg", organization.Name);
        Assert.Equal(new CentreSpec("cc", "co"), organization.Centre);
        Assert.Equal("spb", organization.Committee.Id);
        Assert.Equal("jerjoma", organization.Committee.Contact);
        Assert.Equal(6, organization.Committee.Members.Count);
        Assert.Equal(25, organization.Groups.Count);
        Assert.Equal(65, organization.Agents.Count);
        Assert.Equal(485, organization.HomeCount);
        Assert.Equal(28, organization.UnitCount);
        Assert.Null(organization.Generate);
    }

    [Fact]
    public void St_Petersburg_sample_uses_every_kind_affiliation_and_secrecy()
    {
        var organization = OrgFile.LoadValid(RepoPaths.Sample("st-petersburg.yaml"));

        Assert.Equal(Enum.GetValues<GroupKind>().Order(), organization.Groups.Select(group => group.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<Affiliation>().Order(), organization.Groups.Select(group => group.Affiliation).Distinct().Order());
        Assert.Equal(Enum.GetValues<Secrecy>().Order(), organization.Groups.Select(group => group.Secrecy).Distinct().Order());
        Assert.Equal(Affiliation.Unaware, organization.Groups.Single(group => group.Kind == GroupKind.Students).Affiliation);
        Assert.Equal(Affiliation.Associated, organization.Groups.Single(group => group.Kind == GroupKind.Propaganda).Affiliation);
    }

    [Fact]
    public void St_Petersburg_sample_holds_both_written_and_counted_routes()
    {
        var organization = OrgFile.LoadValid(RepoPaths.Sample("st-petersburg.yaml"));

        var distributors = organization.Agents.Where(agent => agent.HomeCount > 0).ToArray();
        Assert.Equal(14, distributors.Length);
        Assert.Equal(2, distributors.Count(agent => agent.Addresses.Count > 0));
        Assert.All(distributors.Where(agent => agent.SyntheticHomes > 0), agent => Assert.InRange(agent.SyntheticHomes, 20, 60));
    }

    [Fact]
    public void City_sample_makes_a_million_homes()
    {
        var organization = OrgFile.LoadValid(RepoPaths.Sample("city-1m.yaml"));

        Assert.Equal(new GenerateSpec(12, 50, 4, 10, 42), organization.Generate);
        Assert.Equal(1_008_000, organization.HomeCount);
        Assert.Equal(12, organization.Groups.Count(group => group.Kind == GroupKind.District));
        Assert.Equal(600, organization.Groups.Count(group => group.Kind == GroupKind.Factory));
        Assert.Equal(2_400, organization.Groups.Count(group => group.Kind == GroupKind.Distribution));
        Assert.Equal(3_015, organization.UnitCount);
        Assert.Equal(4 + 24_000 + 24 + 1_200, organization.Agents.Count);
        Assert.Equal(organization.Generate!.HomeCount, organization.HomeCount);
    }
}
