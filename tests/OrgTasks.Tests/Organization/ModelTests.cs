using OrgTasks.Organization;
using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>The public model's own behaviour: error format, synthetic addresses, spellings, counts.</summary>
[Trait("Category", "Organization")]
public sealed class ModelTests
{
    [Fact]
    public void Error_prints_as_file_line_field_message()
    {
        var error = new OrgError("samples/x.yaml", 14, "groups[2].contact", "'petya' is not among the members of group 'spb/narva'");

        Assert.Equal("samples/x.yaml:14: groups[2].contact: 'petya' is not among the members of group 'spb/narva'", error.ToString());
    }

    [Fact]
    public void Synthetic_address_names_the_agent_and_the_index()
    {
        Assert.Equal("olya: home 17", SyntheticHomes.Address("olya", 17));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticHomes.Address("olya", 0));
    }

    [Theory]
    [InlineData("olya: home 17", true, "olya", 17)]
    [InlineData("d01-f001-g1-a01: home 42", true, "d01-f001-g1-a01", 42)]
    [InlineData("olya: home 017", false, "", 0)]
    [InlineData("olya: home 0", false, "", 0)]
    [InlineData("olya: home", false, "", 0)]
    [InlineData("Putilovsky 4", false, "", 0)]
    public void Synthetic_address_reads_back_only_in_its_exact_form(string address, bool parses, string agent, int index)
    {
        Assert.Equal(parses, SyntheticHomes.TryParse(address, out var parsedAgent, out var parsedIndex));
        Assert.Equal((agent, index), (parsedAgent, parsedIndex));
    }

    [Fact]
    public void Agent_homes_are_written_addresses_then_counted_ones()
    {
        var agent = new AgentSpec("olya", ["Narvskaya 12"], 2);

        Assert.Equal(3, agent.HomeCount);
        Assert.Equal(new[] { "Narvskaya 12", "olya: home 1", "olya: home 2" }, agent.EnumerateHomes());
    }

    [Fact]
    public void Every_enum_value_has_a_YAML_spelling_that_reads_back()
    {
        Assert.All(Enum.GetValues<GroupKind>(), kind => Assert.True(OrgYamlNames.TryParse<GroupKind>(OrgYamlNames.Of(kind), out var back) && back == kind));
        Assert.All(Enum.GetValues<Secrecy>(), secrecy => Assert.True(OrgYamlNames.TryParse<Secrecy>(OrgYamlNames.Of(secrecy), out var back) && back == secrecy));
        Assert.All(Enum.GetValues<Affiliation>(), affiliation => Assert.True(OrgYamlNames.TryParse<Affiliation>(OrgYamlNames.Of(affiliation), out var back) && back == affiliation));
        Assert.All(Enum.GetValues<Cooptation>(), cooptation => Assert.True(OrgYamlNames.TryParse<Cooptation>(OrgYamlNames.Of(cooptation), out var back) && back == cooptation));
        Assert.Equal("counter-espionage", OrgYamlNames.Of(GroupKind.CounterEspionage));
        Assert.Equal("meeting-places", OrgYamlNames.Of(GroupKind.MeetingPlaces));
        Assert.Equal("two-thirds", OrgYamlNames.Of(Cooptation.TwoThirds));
    }

    [Fact]
    public void Organization_counts_homes_and_units()
    {
        var organization = new OrganizationSpec
        {
            Name = "test",
            Centre = new CentreSpec("cc", null),
            Committee = new CommitteeSpec("spb", Cooptation.Majority, "a", [new CommitteeMember("a", "secretary")], [], []),
            Groups = [new GroupSpec("spb/x", GroupKind.District, "spb", Secrecy.Strict, Affiliation.Member, "a", [], ["a"])],
            Agents = [new AgentSpec("a", ["Narvskaya 12"], 40), new AgentSpec("b", [], int.MaxValue)],
        };

        Assert.Equal(41L + int.MaxValue, organization.HomeCount);
        Assert.Equal(3, organization.UnitCount);
    }
}
