using System.Buffers.Text;
using System.Text;
using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Life;

namespace OrgTasks.Tests.Security;

/// <summary>Credentials issued by the organization: who may issue and revoke them, and what a revocation does.</summary>
[Trait("Category", "Security")]
[Collection(ClusterCollection.Name)]
public sealed class CredentialTests(ClusterFixture fixture)
{
    private OrgTasksClient Operator => fixture.Client;

    private OrgTasksClient With(string token) => new(fixture.Cluster.Client, token);

    [Fact]
    public async Task The_secretary_issues_a_credential_that_proves_its_agent_and_a_revocation_ends_it()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var secretary = With(TestIdentity.Agent(city.A("sec"), city.Spec.Name));

        var issued = await secretary.IssueCredentialAsync(city.A("c4"), TimeSpan.FromDays(30));
        Assert.Equal((city.A("c4"), CredentialRole.Agent, city.Spec.Name), (issued.Record.Claims.Subject, issued.Record.Claims.Role, issued.Record.OrganizationOf));
        Assert.Equal($"agent:{city.A("sec")}", issued.Record.IssuedBy);
        var c4 = With(issued.Token);
        Assert.Equal(city.Strict, (await c4.GetCompositionAsync(city.Strict)).Unit);

        var revoked = await secretary.RevokeCredentialAsync(city.A("c4"));
        Assert.Equal([issued.Record.Claims.Id], revoked.Select(r => r.Claims.Id).ToArray());
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => c4.GetCompositionAsync(city.Strict));
        Assert.Contains($"{issued.Record.Claims.Id} was revoked", refused.Message);

        var listed = await secretary.ListCredentialsAsync();
        Assert.All(listed, r => Assert.Equal(city.Spec.Name, r.OrganizationOf));
        Assert.NotNull(Assert.Single(listed, r => r.Claims.Id == issued.Record.Claims.Id).RevokedAt);

        var audit = await Operator.ReadAuditAsync(new() { Actor = city.A("sec") });
        Assert.Contains(audit, l => l.Action == "credential.issue" && l.Target == city.A("c4"));
        Assert.Contains(audit, l => l.Action == "credential.revoke" && l.Target == city.A("c4"));
        Assert.DoesNotContain(audit, l => l.Reason.Contains(issued.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_credential_names_the_organization_only_to_a_member_of_the_committee_and_the_secretary_still_lists_and_revokes_the_others()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var secretary = With(TestIdentity.Agent(city.A("sec"), city.Spec.Name));

        var member = await secretary.IssueCredentialAsync(city.A("prt"), TimeSpan.FromDays(1));
        var distributor = await secretary.IssueCredentialAsync(city.A("c4"), TimeSpan.FromDays(1));
        var unaware = await secretary.IssueCredentialAsync(city.A("s1"), TimeSpan.FromDays(1));

        // What each holder can read in its own token (the payload is not encrypted).
        Assert.True(CredentialToken.TryRead(member.Token, out var memberClaims, out _, out _, out _));
        Assert.True(CredentialToken.TryRead(distributor.Token, out var distributorClaims, out _, out _, out _));
        Assert.True(CredentialToken.TryRead(unaware.Token, out var unawareClaims, out _, out _, out _));
        Assert.Equal(city.Spec.Name, memberClaims.Organization);
        Assert.Equal("", distributorClaims.Organization);
        Assert.Equal("", unawareClaims.Organization);
        Assert.DoesNotContain(city.Spec.Name, Encoding.UTF8.GetString(Base64Url.DecodeFromChars(unaware.Token.Split('.')[1])));

        // The unaware member's credential still proves it, and the secretary still sees and revokes it as its organization's.
        Assert.Equal(city.Circle, (await With(unaware.Token).GetCompositionAsync(city.Circle)).Unit);
        Assert.Contains(await secretary.ListCredentialsAsync(), r => r.Claims.Id == unaware.Record.Claims.Id && r.OrganizationOf == city.Spec.Name);
        Assert.Equal([unaware.Record.Claims.Id], (await secretary.RevokeCredentialAsync(city.A("s1"))).Select(r => r.Claims.Id));
    }

    [Fact]
    public async Task Only_the_operator_or_the_agents_own_secretary_may_issue_its_credential()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var other = await Operator.AppliedAsync(new LifeCity());

        var printer = With(TestIdentity.Agent(city.A("prt"), city.Spec.Name));
        var notSecretary = await Assert.ThrowsAsync<AccessDeniedException>(() => printer.IssueCredentialAsync(city.A("c4"), TimeSpan.FromDays(1)));
        Assert.Contains("only the operator or the secretary", notSecretary.Message);

        var foreignSecretary = With(TestIdentity.Agent(other.A("sec"), other.Spec.Name));
        await Assert.ThrowsAsync<AccessDeniedException>(() => foreignSecretary.IssueCredentialAsync(city.A("c4"), TimeSpan.FromDays(1)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => foreignSecretary.IssueOperatorCredentialAsync("me", TimeSpan.FromDays(1)));
        Assert.DoesNotContain(await foreignSecretary.ListCredentialsAsync(), r => r.Claims.Organization == city.Spec.Name);

        await Assert.ThrowsAsync<InvalidRequestException>(() => Operator.IssueCredentialAsync(city.A("c4"), TimeSpan.FromDays(400)));
        await Assert.ThrowsAsync<NotFoundException>(() => Operator.IssueCredentialAsync("nobody-" + Guid.NewGuid().ToString("N"), TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task An_expired_credential_is_refused_with_its_expiry_named()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var expired = With(TestIdentity.Agent(city.A("c4"), city.Spec.Name, TimeSpan.FromSeconds(-10)));
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => expired.GetCompositionAsync(city.Strict));
        Assert.Contains("expired", refused.Message);
    }

    [Fact]
    public async Task Refused_calls_are_counted_per_actor_and_method_not_written_one_by_one()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var c4 = With(TestIdentity.Agent(city.A("c4"), city.Spec.Name));
        for (var i = 0; i < 50; i++)
            await Assert.ThrowsAsync<AccessDeniedException>(() => c4.As(null, () => c4.Grains.GetGrain<ICommitteeGrain>(city.Committee).GetInbox(10)));

        var lines = (await Operator.ReadAuditAsync(new() { Actor = city.A("c4") })).Where(l => l.Action == "refused").ToList();
        Assert.InRange(lines.Count, 1, 2); // one line a minute: two when the calls straddled a minute's end
        Assert.Equal(50, lines.Sum(l => l.Count));
        Assert.All(lines, l => Assert.Contains("IStatementHop.GetInbox", l.Target));
    }
}
