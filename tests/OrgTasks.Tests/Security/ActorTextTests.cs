using OrgTasks.Identity;

namespace OrgTasks.Tests.Security;

/// <summary>The acting identity as it travels, <c>kind:id</c>: parsed exactly, and a garbled or forged header is no identity.</summary>
[Trait("Category", "Security")]
public sealed class ActorTextTests
{
    [Theory]
    [InlineData("agent:belov", ActorKind.Agent, "belov")]
    [InlineData("unit:msk/presnya", ActorKind.Unit, "msk/presnya")]
    [InlineData("operator:cli", ActorKind.Operator, "cli")]
    [InlineData("system:organization:msk", ActorKind.System, "organization:msk")]
    public void A_well_formed_identity_is_parsed_into_its_kind_and_id(string text, ActorKind kind, string id)
    {
        Assert.True(Actor.TryParse(text, out var actor));
        Assert.Equal(new Actor(kind, id), actor);
        Assert.Equal(text, actor.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("belov")]
    [InlineData(":belov")]
    [InlineData("agent:")]
    [InlineData("king:belov")]
    [InlineData("Agent:belov")]
    public void Anything_else_is_no_identity(string? text)
    {
        Assert.False(Actor.TryParse(text, out _));
    }

    [Fact]
    public void Identities_parsed_in_turn_on_one_thread_each_keep_their_own_id()
    {
        var texts = new[] { "agent:a1", "unit:u1", "agent:a1", "agent:a2", "unit:u1", "bogus", "agent:a2" };
        var parsed = texts.Select(t => Actor.TryParse(t, out var actor) ? actor.ToString() : "none").ToList();

        Assert.Equal(["agent:a1", "unit:u1", "agent:a1", "agent:a2", "unit:u1", "none", "agent:a2"], parsed);
    }
}
