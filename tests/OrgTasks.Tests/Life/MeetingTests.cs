using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Life;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>
/// Secret meetings under need-to-know: the committee's officers see every unit's count and who represents it; an
/// attendee sees the place, the time and its own unit's invitation, never the list of units nor who represents whom.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Letter")]
public sealed class MeetingTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Evening = new(2026, 12, 6, 19, 0, 0, TimeSpan.Zero);

    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task Each_invited_units_contact_gets_an_invitation_naming_only_the_place_the_time_and_its_own_unit()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var meeting = await Client.PlanMeetingAsync(city.Committee, Evening, "Smolensky cemetery, the chapel", [city.Strict, city.Open, city.Circle],
            Actor.Agent(city.A("sec")));

        foreach (var (unit, contact) in new[] { (city.Strict, city.A("c1")), (city.Open, city.A("o1")), (city.Circle, city.A("s1")) })
        {
            var notice = Assert.Single(await Client.GetNoticesAsync(unit, Actor.Agent(contact)), n => n.Kind == NoticeKind.Meeting);
            Assert.Equal(contact, notice.About);
            Assert.Contains("Smolensky cemetery, the chapel at 2026-12-06 19:00 UTC", notice.Text);
            Assert.Contains(unit, notice.Text);
            // The other invited units are not named (a unit's own id is all it learns; a path id names its parents anyway).
            foreach (var other in new[] { city.Strict, city.Open, city.Circle }.Where(u => u != unit))
                Assert.DoesNotContain(other, notice.Text);
        }
        // The district and the factory carried invitations down the chain but keep none.
        foreach (var onTheWay in new[] { city.Committee, city.District, city.Factory })
            Assert.DoesNotContain(await Client.GetNoticesAsync(onTheWay), n => n.Kind == NoticeKind.Meeting);
        Assert.True(meeting.Whole);

        // Only the unit above may hand an invitation on: a sibling cannot slip one in.
        var forged = new Notice { Id = "meeting:forged", Kind = NoticeKind.Meeting, At = Evening, About = city.A("c1"), Text = "come alone" };
        var strict = await Client.FindUnitAsync(city.Strict);
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.InsideAs(Actor.Unit(city.Open),
            grains => grains.GetUnit(strict.Unit).PassInvitation(forged, [])));
        // And no client may hand one on at all.
        Assert.Contains("silo-internal", (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Client.As(null, () => Client.Grains.GetUnit(strict.Unit).PassInvitation(forged, [])))).Message);
    }

    [Fact]
    public async Task Units_answer_through_their_contacts_and_only_the_committee_sees_the_counts_per_unit()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var id = (await Client.PlanMeetingAsync(city.Committee, Evening, "Behind the Nevsky gate", [city.Strict, city.Open, city.Circle])).Id;

        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.AnswerMeetingAsync(id, city.Strict, 3, Actor.Agent(city.A("c4"))));
        await Client.AnswerMeetingAsync(id, city.Strict, 3, Actor.Agent(city.A("c1")));
        var own = await Client.AnswerMeetingAsync(id, city.Open, 2, Actor.Agent(city.A("o1")));
        Assert.Equal([city.Open], own.Invitations.Select(i => i.Unit).ToArray());

        var committee = await Client.ShowMeetingAsync(id, Actor.Agent(city.A("prt")));
        Assert.True(committee.Whole);
        Assert.Equal(5, committee.Coming);
        Assert.Equal(
            [(city.Strict, city.A("c1"), (int?)3), (city.Open, city.A("o1"), 2), (city.Circle, city.A("s1"), null)],
            committee.Invitations.Select(i => (i.Unit, i.Contact, i.Coming)).ToArray());

        // An attendee: the place, the time, its own invitation; not the other units, not who represents whom.
        var attendee = await Client.ShowMeetingAsync(id, Actor.Agent(city.A("c4")));
        Assert.False(attendee.Whole);
        Assert.Equal(("", "Behind the Nevsky gate", Evening), (attendee.Committee, attendee.Place, attendee.At));
        var invitation = Assert.Single(attendee.Invitations);
        Assert.Equal((city.Strict, (string?)null, (int?)3), (invitation.Unit, invitation.Contact, invitation.Coming));
        Assert.Null(attendee.Coming);

        // A member of the unaware circle does not even learn the committee's name.
        var circle = await Client.ShowMeetingAsync(id, Actor.Agent(city.A("s1")));
        Assert.Equal(("", city.Circle), (circle.Committee, Assert.Single(circle.Invitations).Unit));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.ShowMeetingAsync(id, Actor.Agent(city.A("d"))));
    }

    [Fact]
    public async Task Only_the_committees_officers_arrange_a_meeting_and_only_of_units_of_its_organization()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var other = await Client.AppliedAsync(new LifeCity());

        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.PlanMeetingAsync(city.Committee, Evening, "Here", [city.Strict], Actor.Agent(city.A("c4"))));
        var foreign = await Assert.ThrowsAsync<InvalidRequestException>(() => Client.PlanMeetingAsync(city.Committee, Evening, "Here", [other.Strict]));
        Assert.Contains($"'{other.Strict}' is not a unit of the organization of '{city.Committee}'", foreign.Message);
        await Assert.ThrowsAsync<InvalidRequestException>(() => Client.PlanMeetingAsync(city.Committee, Evening, " ", [city.Strict]));
        await Assert.ThrowsAsync<InvalidRequestException>(() => Client.PlanMeetingAsync(city.Committee, Evening, "Here", []));
    }
}
