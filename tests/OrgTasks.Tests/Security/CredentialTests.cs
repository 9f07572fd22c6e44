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
        Assert.Equal((city.A("c4"), CredentialRole.Agent, city.Spec.Name), (issued.Record.Claims.Subject, issued.Record.Claims.Role, issued.Record.Claims.Organization));
        Assert.Equal($"agent:{city.A("sec")}", issued.Record.IssuedBy);
        var c4 = With(issued.Token);
        Assert.Equal(city.Strict, (await c4.GetCompositionAsync(city.Strict)).Unit);

        var revoked = await secretary.RevokeCredentialAsync(city.A("c4"));
        Assert.Equal([issued.Record.Claims.Id], revoked.Select(r => r.Claims.Id).ToArray());
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => c4.GetCompositionAsync(city.Strict));
        Assert.Contains($"{issued.Record.Claims.Id} was revoked", refused.Message);

        var listed = await secretary.ListCredentialsAsync();
        Assert.All(listed, r => Assert.Equal(city.Spec.Name, r.Claims.Organization));
        Assert.NotNull(Assert.Single(listed, r => r.Claims.Id == issued.Record.Claims.Id).RevokedAt);

        var audit = await Operator.ReadAuditAsync(new() { Actor = city.A("sec") });
        Assert.Contains(audit, l => l.Action == "credential.issue" && l.Target == city.A("c4"));
        Assert.Contains(audit, l => l.Action == "credential.revoke" && l.Target == city.A("c4"));
        Assert.DoesNotContain(audit, l => l.Reason.Contains(issued.Token, StringComparison.Ordinal));
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
