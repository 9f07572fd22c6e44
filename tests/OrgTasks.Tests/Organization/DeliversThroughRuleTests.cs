using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary><c>delivers-through</c>: a propaganda group names the district groups that carry its material.</summary>
[Trait("Category", "Letter")]
public sealed class DeliversThroughRuleTests
{
    // Line 10 is the group under test.
    private static string WithPropagandists(string through, string kind = "propaganda") => $$"""
        organization: test
        committee:
          id: spb
          contact: jerjoma
          members:
            - { agent: jerjoma, function: secretary }
        groups:
          - { id: spb/narva, kind: district, parent: spb, contact: petya, members: [petya] }
          - { id: spb/narva/putilov, kind: factory, parent: spb/narva, contact: vanya, members: [vanya] }
          - { id: spb/propagandists, kind: {{kind}}, parent: spb, contact: anna, members: [anna], delivers-through: {{through}} }
        agents:
          - { id: jerjoma }
          - { id: petya }
          - { id: vanya }
          - { id: anna }
        """;

    [Fact]
    public void A_propaganda_group_delivering_through_a_district_is_valid_and_kept_in_the_model()
    {
        var organization = OrgAssert.Valid(WithPropagandists("[spb/narva]"));

        Assert.Equal(["spb/narva"], organization.Groups.Single(g => g.Id == "spb/propagandists").DeliversThrough);
        Assert.Empty(organization.Groups.Single(g => g.Id == "spb/narva").DeliversThrough);
    }

    [Fact]
    public void Only_a_propaganda_group_may_deliver_through_districts()
    {
        OrgAssert.SingleError(WithPropagandists("[spb/narva]", kind: "agitation"), 10, "groups[2].delivers-through[0]",
            "only a propaganda group delivers through district groups", "is of kind 'agitation'");
    }

    [Fact]
    public void Each_entry_is_an_existing_district_group_named_once()
    {
        OrgAssert.SingleError(WithPropagandists("[spb/narva/putilov]"), 10, "groups[2].delivers-through[0]",
            "'spb/narva/putilov' is a factory group, not a district group");
        OrgAssert.SingleError(WithPropagandists("[spb/vyborg]"), 10, "groups[2].delivers-through[0]", "'spb/vyborg' is not a group of this file");
        OrgAssert.SingleError(WithPropagandists("[spb/narva, spb/narva]"), 10, "groups[2].delivers-through[1]", "named twice");
    }

    [Fact]
    public void An_unknown_key_next_to_it_still_names_the_allowed_keys()
    {
        var result = OrgAssert.Parse(WithPropagandists("[spb/narva], deliver-through: []"));
        OrgAssert.HasError(result, 10, "groups[2].deliver-through", "unknown key 'deliver-through'", "delivers-through");
    }
}
