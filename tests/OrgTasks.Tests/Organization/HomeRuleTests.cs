using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>A home is on one route only; written addresses and counted homes do not collide.</summary>
[Trait("Category", "Organization")]
public sealed class HomeRuleTests
{
    // Lines 8 and 9 are the routes of sasha and olya.
    private static string WithRoutes(string sasha, string olya) => $$"""
        organization: test
        committee:
          id: spb
          contact: jerjoma
          members:
            - { agent: jerjoma, function: secretary }
        agents:
          - { id: sasha, homes: {{sasha}} }
          - { id: olya, homes: {{olya}} }
          - { id: jerjoma }
        """;

    [Fact]
    public void Written_and_counted_homes_add_up()
    {
        var organization = OrgAssert.Valid(WithRoutes("[\"Putilovsky 4\", \"Narvskaya 12\"]", "40"));

        Assert.Equal(42, organization.HomeCount);
        Assert.Equal(2, organization.Agents[0].HomeCount);
        Assert.Equal(40, organization.Agents[1].HomeCount);
        Assert.Empty(organization.Agents[1].Addresses);
        Assert.Equal(40, organization.Agents[1].SyntheticHomes);
    }

    [Fact]
    public void Address_on_two_routes_names_both_agents_and_lines()
    {
        OrgAssert.SingleError(
            WithRoutes("[\"Putilovsky 4\"]", "[\"Narvskaya 12\", \"Putilovsky 4\"]"),
            9,
            "agents[1].homes[1]",
            "'Putilovsky 4' is on the route of 'sasha' (line 8) and of 'olya' (line 9)",
            "one route only");
    }

    [Fact]
    public void Addresses_are_compared_ignoring_case_and_runs_of_space()
    {
        OrgAssert.SingleError(WithRoutes("[\"Putilovsky 4, barracks 2\"]", "[\" putilovsky  4,   BARRACKS 2 \"]"), 9, "agents[1].homes[0]", "on the route of 'sasha' (line 8)");
    }

    [Fact]
    public void Address_listed_twice_on_one_route_is_an_error()
    {
        OrgAssert.SingleError(WithRoutes("[\"Putilovsky 4\", \"Putilovsky 4\"]", "3"), 8, "agents[0].homes[1]", "'Putilovsky 4' is listed twice on the route of 'sasha'");
    }

    [Fact]
    public void Written_address_must_not_collide_with_a_counted_home()
    {
        OrgAssert.SingleError(
            WithRoutes("[\"olya: home 3\"]", "40"),
            8,
            "agents[0].homes[0]",
            "'olya: home 3' is the address of one of the 40 counted homes of 'olya' (line 9)");
    }

    [Fact]
    public void Written_address_beyond_the_count_does_not_collide()
    {
        OrgAssert.Valid(WithRoutes("[\"olya: home 41\", \"olya: home 03\"]", "40"));
    }

    [Fact]
    public void Empty_address_is_an_error()
    {
        OrgAssert.SingleError(WithRoutes("[\"  \"]", "0"), 8, "agents[0].homes[0]", "an address must not be empty");
    }
}
