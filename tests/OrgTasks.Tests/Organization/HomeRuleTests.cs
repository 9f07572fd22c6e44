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
    public void WrittenAndCountedHomesAddUp()
    {
        var organization = OrgAssert.Valid(WithRoutes("[\"Putilovsky 4\", \"Narvskaya 12\"]", "40"));

        Assert.Equal(42, organization.HomeCount);
        Assert.Equal(2, organization.Agents[0].HomeCount);
        Assert.Equal(40, organization.Agents[1].HomeCount);
        Assert.Empty(organization.Agents[1].Addresses);
        Assert.Equal(40, organization.Agents[1].SyntheticHomes);
    }

    [Fact]
    public void AddressOnTwoRoutesNamesBothAgentsAndLines()
    {
        OrgAssert.SingleError(
            WithRoutes("[\"Putilovsky 4\"]", "[\"Narvskaya 12\", \"Putilovsky 4\"]"),
            9,
            "agents[1].homes[1]",
            "'Putilovsky 4' is on the route of 'sasha' (line 8) and of 'olya' (line 9)",
            "one route only");
    }

    [Fact]
    public void AddressesAreComparedIgnoringCaseAndRunsOfSpace()
    {
        OrgAssert.SingleError(WithRoutes("[\"Putilovsky 4, barracks 2\"]", "[\" putilovsky  4,   BARRACKS 2 \"]"), 9, "agents[1].homes[0]", "on the route of 'sasha' (line 8)");
    }

    [Fact]
    public void AddressListedTwiceOnOneRouteIsAnError()
    {
        OrgAssert.SingleError(WithRoutes("[\"Putilovsky 4\", \"Putilovsky 4\"]", "3"), 8, "agents[0].homes[1]", "'Putilovsky 4' is listed twice on the route of 'sasha'");
    }

    [Fact]
    public void WrittenAddressMustNotCollideWithACountedHome()
    {
        OrgAssert.SingleError(
            WithRoutes("[\"olya: home 3\"]", "40"),
            8,
            "agents[0].homes[0]",
            "'olya: home 3' is the address of one of the 40 counted homes of 'olya' (line 9)");
    }

    [Fact]
    public void WrittenAddressBeyondTheCountDoesNotCollide()
    {
        OrgAssert.Valid(WithRoutes("[\"olya: home 41\", \"olya: home 03\"]", "40"));
    }

    [Fact]
    public void EmptyAddressIsAnError()
    {
        OrgAssert.SingleError(WithRoutes("[\"  \"]", "0"), 8, "agents[0].homes[0]", "an address must not be empty");
    }
}
