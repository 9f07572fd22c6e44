using OrgTasks.Grains.Organization;
using OrgTasks.Plan;

namespace OrgTasks.Tests.Grains;

/// <summary>A configuration pushed again with equal contents is recognised as the same, so its grain does not write it again.</summary>
[Trait("Category", "Grains")]
public sealed class FingerprintTests
{
    private static UnitConfig Group(params string[] members) => new()
    {
        Organization = "test",
        Unit = new UnitRef("msk/presnya/g1", UnitKind.Distribution),
        Contact = members[0],
        Members = members.ToList(),
        Functions = new Dictionary<string, string> { ["secretary"] = members[0] },
    };

    [Fact]
    public void Configurations_with_equal_lists_in_different_instances_are_the_same()
    {
        var first = Group("petya", "vanya");
        var again = Group("petya", "vanya");

        Assert.NotEqual(first, again); // record equality compares the lists by reference
        Assert.True(Fingerprint.Same(first, again));
        Assert.Equal(Fingerprint.Of(first), Fingerprint.Of(again));
    }

    [Fact]
    public void A_configuration_that_differs_in_one_list_item_or_from_nothing_is_not_the_same()
    {
        Assert.False(Fingerprint.Same(Group("petya", "vanya"), Group("petya", "kolya")));
        Assert.False(Fingerprint.Same(null, Group("petya")));
        Assert.False(Fingerprint.Same(Group("petya"), null));
        Assert.True(Fingerprint.Same<UnitConfig>(null, null));
    }
}
