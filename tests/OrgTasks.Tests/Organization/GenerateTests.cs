using OrgTasks.Organization;
using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>The synthetic city that <c>generate</c> adds under the committee.</summary>
[Trait("Category", "Organization")]
public sealed class GenerateTests
{
    // Line 9 is the generate section.
    private static string WithGenerate(string generate, string extraAgents = "") => $$"""
        organization: test
        committee:
          id: spb
          contact: jerjoma
          members:
            - { agent: jerjoma, function: secretary }
        agents:
          - { id: jerjoma }{{extraAgents}}
        generate: {{generate}}
        """;

    [Fact]
    public void Generated_city_has_the_expected_ids_and_shape()
    {
        var organization = OrgAssert.Valid(WithGenerate(
            "{ districts: 2, factories-per-district: 2, groups-per-factory: 2, agents-per-group: 3, homes-per-agent: 5 }"));

        Assert.Equal(new GenerateSpec(2, 2, 2, 3, 5), organization.Generate);
        Assert.Equal(
            new[] { "spb/d01", "spb/d01/f001", "spb/d01/f001/g1", "spb/d01/f001/g2", "spb/d01/f002", "spb/d01/f002/g1", "spb/d01/f002/g2", "spb/d02" },
            organization.Groups.Take(8).Select(group => group.Id));
        Assert.Equal(2 + 4 + 8, organization.Groups.Count);
        Assert.Equal(1 + (2 * 2) + (4 * 2) + (8 * 3), organization.Agents.Count);
        Assert.Equal(8 * 3 * 5, organization.HomeCount);

        var distribution = organization.Groups.Single(group => group.Id == "spb/d02/f002/g2");
        Assert.Equal(GroupKind.Distribution, distribution.Kind);
        Assert.Equal("spb/d02/f002", distribution.Parent);
        Assert.Equal((Secrecy.Discreet, Affiliation.Member), (distribution.Secrecy, distribution.Affiliation));
        Assert.Equal(new[] { "spb-d02-f002-g2-a01", "spb-d02-f002-g2-a02", "spb-d02-f002-g2-a03" }, distribution.Members);
        Assert.Equal("spb-d02-f002-g2-a01", distribution.Contact);
        Assert.Equal(new[] { "spb-d02-f002-g2-a02" }, distribution.Alternates);

        var distributor = organization.Agents.Single(agent => agent.Id == "spb-d02-f002-g2-a03");
        Assert.Equal(5, distributor.SyntheticHomes);
        Assert.Empty(distributor.Addresses);
        Assert.Equal("spb-d02-f002-g2-a03: home 5", distributor.EnumerateHomes().Last());
    }

    [Fact]
    public void Districts_and_factories_are_run_by_two_couriers_without_homes()
    {
        var organization = OrgAssert.Valid(WithGenerate(
            "{ districts: 1, factories-per-district: 1, groups-per-factory: 1, agents-per-group: 1, homes-per-agent: 1 }"));

        var district = organization.Groups.Single(group => group.Id == "spb/d01");
        Assert.Equal((GroupKind.District, "spb", "spb-d01-c1"), (district.Kind, district.Parent, district.Contact));
        Assert.Equal(new[] { "spb-d01-c2" }, district.Alternates);
        Assert.Equal(new[] { "spb-d01-c1", "spb-d01-c2" }, district.Members);

        var factory = organization.Groups.Single(group => group.Id == "spb/d01/f001");
        Assert.Equal((GroupKind.Factory, "spb/d01", "spb-d01-f001-c1"), (factory.Kind, factory.Parent, factory.Contact));
        Assert.Equal(new[] { "spb-d01-f001-c2" }, factory.Alternates);
        Assert.All(organization.Agents.Where(agent => agent.Id.Contains("-c", StringComparison.Ordinal)), courier => Assert.Equal(0, courier.HomeCount));

        var single = organization.Groups.Single(group => group.Kind == GroupKind.Distribution);
        Assert.Empty(single.Alternates);
    }

    [Fact]
    public void Numbers_are_padded_to_the_largest_so_ids_sort()
    {
        var organization = OrgAssert.Valid(WithGenerate(
            "{ districts: 100, factories-per-district: 1, groups-per-factory: 10, agents-per-group: 1, homes-per-agent: 1 }"));

        var groupIds = organization.Groups.Select(group => group.Id).ToArray();
        Assert.Contains("spb/d001/f001/g01", groupIds);
        Assert.Contains("spb/d100/f001/g10", groupIds);
        Assert.Contains(organization.Agents, agent => agent.Id == "spb-d100-f001-g10-a01");
        Assert.Equal(groupIds.Order(StringComparer.Ordinal), groupIds);
    }

    [Fact]
    public void Generated_id_colliding_with_a_written_id_is_an_error_at_the_generate_line()
    {
        var result = OrgAssert.Parse(WithGenerate(
            "{ districts: 1, factories-per-district: 1, groups-per-factory: 1, agents-per-group: 2, homes-per-agent: 1 }",
            "\n  - { id: spb-d01-f001-g1-a02 }"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((10, "generate"), (error.Line, error.Field));
        Assert.Contains("makes the agent 'spb-d01-f001-g1-a02' (generate is at line 10), but the agent at line 9 already has that id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_unit_colliding_with_a_written_agent_is_an_error()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
              - { id: spb/d01 }
            generate: { districts: 1, factories-per-district: 1, groups-per-factory: 1, agents-per-group: 1, homes-per-agent: 1 }
            """;

        OrgAssert.SingleError(yaml, 10, "generate", "makes the group 'spb/d01'", "the agent at line 9 already has that id");
    }

    [Theory]
    [InlineData("0", "found '0'")]
    [InlineData("-2", "found '-2'")]
    [InlineData("two", "found 'two'")]
    [InlineData("1.5", "found '1.5'")]
    public void Generate_fields_are_positive_whole_numbers(string districts, string found)
    {
        var yaml = WithGenerate($"{{ districts: {districts}, factories-per-district: 1, groups-per-factory: 1, agents-per-group: 1, homes-per-agent: 1 }}");

        OrgAssert.SingleError(yaml, 9, "generate.districts", "must be a positive whole number", found);
    }

    [Fact]
    public void Generate_field_is_required()
    {
        var yaml = WithGenerate("{ districts: 1, factories-per-district: 1, groups-per-factory: 1, agents-per-group: 1 }");

        OrgAssert.SingleError(yaml, 9, "generate.homes-per-agent", "is required");
    }

    [Fact]
    public void Generate_over_the_home_limit_is_a_clear_error()
    {
        var yaml = WithGenerate("{ districts: 100, factories-per-district: 100, groups-per-factory: 10, agents-per-group: 10, homes-per-agent: 100 }");

        var result = OrgAssert.Parse(yaml);

        OrgAssert.HasError(result, 9, "generate", "would make 100,000,000 homes; at most 50,000,000 can be generated");
        OrgAssert.HasError(result, 9, "generate", "would make 1,020,200 agents; at most 1,000,000 can be generated");
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void Huge_generate_factors_do_not_overflow()
    {
        var yaml = WithGenerate("{ districts: 2000000000, factories-per-district: 2000000000, groups-per-factory: 2000000000, agents-per-group: 2000000000, homes-per-agent: 1000000 }");

        var result = OrgAssert.Parse(yaml);

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.Contains("can be generated", error.Message, StringComparison.Ordinal));
    }
}
