using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrgTasks.Audit;
using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Grains.Identity;
using OrgTasks.Identity;
using OrgTasks.Leaflets;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Life;
using Orleans.Runtime;

namespace OrgTasks.Tests.Security;

/// <summary>
/// A raw Orleans client (the test cluster's bare <see cref="IClusterClient"/>, not the project's library) that knows the
/// gateway calls every grain interface method found by reflection: with no credential, with a forged request context,
/// and with an expired, a revoked, a tampered and another installation's credential. Every call is refused and the
/// organization is the same afterwards. With the right credential the methods open to clients go through, and the
/// silo-internal ones are refused even to the operator.
/// </summary>
[Trait("Category", "Security")]
[Collection(ClusterCollection.Name)]
public sealed class HostileClientTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;
    private IClusterClient Raw => fixture.Cluster.Client;

    [Fact]
    public async Task Every_grain_method_refuses_a_client_without_a_valid_credential_whatever_it_forges_and_nothing_changes()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var leaflet = await Client.IssueLeafletAsync(city.Committee, "Known", "a leaflet that exists");
        await Client.CompleteAsync(leaflet);
        var statement = await Client.SendStatementAsync(city.A("c3"), Addressee.Committee, "a statement that exists");
        await Arrival.DeliveredAsync(Client, statement);
        var before = await SnapshotAsync(city, leaflet);

        var revoked = await Client.IssueOperatorCredentialAsync("soon-revoked", TimeSpan.FromDays(1));
        await Client.RevokeCredentialAsync(revoked.Record.Claims.Id);
        var forgeries = Forgeries(city, revoked.Token);

        var admitted = new List<string>();
        var oneWayCalls = 0;
        foreach (var method in GrainSurface.Methods)
        {
            foreach (var target in Targets(method, city, leaflet))
            {
                foreach (var (name, forge) in forgeries)
                {
                    try
                    {
                        await CallForgedAsync(target, method, forge);
                        // A one-way call answers nothing, refused or not: its refusals are counted below.
                        if (IsOneWay(method)) oneWayCalls++;
                        else admitted.Add($"{GrainSurface.Name(method)} with {name}: went through");
                    }
                    catch (AccessDeniedException)
                    {
                        // refused, as it must be
                    }
                    catch (Exception other)
                    {
                        admitted.Add($"{GrainSurface.Name(method)} with {name}: reached the grain ({other.GetType().Name}: {other.Message})");
                    }
                }
            }
        }

        Assert.True(admitted.Count == 0, $"{admitted.Count} forged call(s) got past the gate:\n" + string.Join("\n", admitted.Take(40)));
        Assert.Equal(before, await SnapshotAsync(city, leaflet));
        // A one-way call returns before the silo has taken it: the last ones may still be on their way to the gate.
        var oneWayRefused = await Poll.UntilAsync(async () =>
                (await Client.ReadAuditAsync(new AuditQuery { Since = DateTimeOffset.UtcNow.AddMinutes(-10), Limit = AuditQuery.MaxLimit }))
                .Where(l => l.Action == "refused" && GrainSurface.Methods.Where(IsOneWay).Any(m => l.Target.StartsWith(GrainSurface.Name(m), StringComparison.Ordinal)))
                .Sum(l => l.Count),
            counted => counted >= oneWayCalls, TimeSpan.FromSeconds(30), $"refusals of all {oneWayCalls} forged one-way calls in the audit trail");
        Assert.True(oneWayRefused >= oneWayCalls, $"{oneWayCalls} forged one-way calls, {oneWayRefused} refusals counted");
    }

    [Fact]
    public async Task Orleans_own_management_grain_answers_the_operator_only()
    {
        var management = Raw.GetGrain<IManagementGrain>(0);
        await Assert.ThrowsAsync<AccessDeniedException>(() => management.GetHosts());
        var city = new LifeCity();
        foreach (var (_, forge) in Forgeries(city, TestIdentity.Agent(city.A("c4"), city.Spec.Name)))
            await Assert.ThrowsAsync<AccessDeniedException>(() => CallForgedAsync(management,
                typeof(IManagementGrain).GetMethods().First(m => m.Name == nameof(IManagementGrain.GetHosts)), forge));

        var hosts = await Client.As(null, () => management.GetHosts());
        Assert.NotEmpty(hosts);
    }

    [Fact]
    public async Task With_the_right_credential_every_method_open_to_clients_goes_through_and_silo_internal_ones_stay_refused()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var leaflet = await Client.IssueLeafletAsync(city.Committee, "Known", "a leaflet that exists");
        await Client.CompleteAsync(leaflet);
        var statement = await Client.SendStatementAsync(city.A("c3"), Addressee.Committee, "a statement that exists");
        await Arrival.DeliveredAsync(Client, statement);

        var calls = RightCalls(city, leaflet, statement);
        var open = GrainSurface.Methods.Where(m => GrainSurface.Access(m)!.Clients != Clients.None).Select(GrainSurface.Name).ToHashSet();
        Assert.Equal(open.Order(), calls.Select(c => c.Method).Distinct().Order());

        var failures = new List<string>();
        foreach (var call in calls)
        {
            try
            {
                await new OrgTasksClient(Raw, call.Credential).As(null, call.Invoke);
            }
            catch (Exception error) when (error.GetType() != call.Accepted)
            {
                failures.Add($"{call.Method} as {call.Who}: {error.GetType().Name}: {error.Message}");
            }
            catch (Exception)
            {
                // the grain's own rule answered: the call got through
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Silo-internal methods stay closed even to the operator's credential.
        var leaks = new List<string>();
        foreach (var method in GrainSurface.Methods.Where(m => GrainSurface.Access(m)!.Clients == Clients.None && !IsOneWay(m)))
        foreach (var target in Targets(method, city, leaflet))
        {
            try
            {
                await Client.As(null, () => GrainSurface.InvokeAsync(target, method, GrainSurface.Junk(method)));
                leaks.Add(GrainSurface.Name(method));
            }
            catch (AccessDeniedException refusal) when (refusal.Message.Contains("silo-internal"))
            {
            }
            catch (Exception other)
            {
                leaks.Add($"{GrainSurface.Name(method)}: {other.GetType().Name}: {other.Message}");
            }
        }
        Assert.True(leaks.Count == 0, "silo-internal methods a client reached: " + string.Join("; ", leaks));
    }

    private static bool IsOneWay(MethodInfo method) => method.GetCustomAttribute<Orleans.Concurrency.OneWayAttribute>() is not null;

    /// <summary>What a hostile client tries instead of a credential of its own.</summary>
    private static IReadOnlyList<(string Name, Action Forge)> Forgeries(LifeCity city, string revokedToken)
    {
        var now = DateTimeOffset.UtcNow;
        var expired = TestIdentity.Keys.Sign(new CredentialClaims
        {
            Id = CredentialAuthorityGrain.NewId(), Subject = "test", Role = CredentialRole.Operator, Organization = "*",
            IssuedAt = now.AddDays(-2), ExpiresAt = now.AddDays(-1),
        });
        // Another installation: a key ring of its own, so a key id and a signature this cluster never made.
        var elsewhere = SigningKeyRing.LoadOrCreate(Path.Combine(Path.GetTempPath(), $"orgtasks-elsewhere-{Guid.NewGuid():N}", "keys.json"));
        var foreign = TestIdentity.Sign("test", CredentialRole.Operator, "*", TimeSpan.FromDays(1), elsewhere);
        var foreignAgent = TestIdentity.Sign(city.A("sec"), CredentialRole.Agent, "moscow", TimeSpan.FromDays(1), elsewhere);
        var tampered = Tamper(TestIdentity.Agent(city.A("c4"), city.Spec.Name));
        var proof = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=');
        return
        [
            ("no credential", () => { }),
            ("ot.actor=operator:cli", () => RequestContext.Set(ActorContext.ActorKey, "operator:cli")),
            ("ot.actor=system:orgtasks", () => RequestContext.Set(ActorContext.ActorKey, "system:orgtasks")),
            ($"ot.actor=unit:{city.Committee}", () => RequestContext.Set(ActorContext.ActorKey, $"unit:{city.Committee}")),
            ($"ot.actor=agent:{city.A("sec")} and a guessed silo proof", () =>
            {
                RequestContext.Set(ActorContext.ActorKey, $"agent:{city.A("sec")}");
                RequestContext.Set(ActorContext.ProofKey, proof);
            }),
            ("an expired operator credential", () => RequestContext.Set(ActorContext.CredentialKey, expired)),
            ("a revoked operator credential", () => RequestContext.Set(ActorContext.CredentialKey, revokedToken)),
            ("another installation's operator credential", () => RequestContext.Set(ActorContext.CredentialKey, foreign)),
            ("another organization's secretary", () => RequestContext.Set(ActorContext.CredentialKey, foreignAgent)),
            ("an agent credential rewritten to say operator", () => RequestContext.Set(ActorContext.CredentialKey, tampered)),
            ("garbage in the credential", () => RequestContext.Set(ActorContext.CredentialKey, new string('A', 5_000))),
        ];
    }

    /// <summary>The payload rewritten to claim the operator's role; the signature is the original's.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("\"agent\"", "\"operator\"");
        return $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }

    private static async Task CallForgedAsync(object target, MethodInfo method, Action forge)
    {
        RequestContext.Clear();
        try
        {
            forge();
            await GrainSurface.InvokeAsync(target, method, GrainSurface.Junk(method));
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    /// <summary>The grains a method is called on: every concrete grain interface that has it, keyed into the city.</summary>
    private IEnumerable<object> Targets(MethodInfo method, LifeCity city, string leaflet, string meeting = "m-none")
    {
        var declaring = method.DeclaringType!;
        var candidates = new (Type Type, Func<object> Grain)[]
        {
            (typeof(IAgentGrain), () => Raw.GetGrain<IAgentGrain>(city.A("c1"))),
            (typeof(ICommitteeGrain), () => Raw.GetGrain<ICommitteeGrain>(city.Committee)),
            (typeof(IGroupGrain), () => Raw.GetGrain<IGroupGrain>(city.Strict)),
            (typeof(ICentralCommitteeGrain), () => Raw.GetGrain<ICentralCommitteeGrain>(city.CentralCommittee)),
            (typeof(IOrganizationGrain), () => Raw.GetGrain<IOrganizationGrain>(city.Spec.Name)),
            (typeof(IOrganizationRegistryGrain), () => Raw.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key)),
            (typeof(IRoutineGrain), () => Raw.GetGrain<IRoutineGrain>(city.Spec.Name)),
            (typeof(IReportingUnit), () => Raw.GetGrain<IGroupGrain>(city.Strict)),
            (typeof(IDepositGrain), () => Raw.GetGrain<IDepositGrain>(city.Strict)),
            (typeof(ILeafletTrackerGrain), () => Raw.GetGrain<ILeafletTrackerGrain>(leaflet)),
            (typeof(IStatementLedgerGrain), () => Raw.GetGrain<IStatementLedgerGrain>(0)),
            (typeof(IStatementSweeperGrain), () => Raw.GetGrain<IStatementSweeperGrain>(IStatementSweeperGrain.Key)),
            (typeof(ICredentialAuthorityGrain), () => Raw.GetGrain<ICredentialAuthorityGrain>(ICredentialAuthorityGrain.Key)),
            (typeof(IAuditGrain), () => Raw.GetGrain<IAuditGrain>(0)),
            (typeof(IMeetingGrain), () => Raw.GetGrain<IMeetingGrain>(meeting)),
            // A silo's own observers (the live feed's), reached from outside by their id.
            (typeof(ILeafletWatcher), () => Raw.GetGrain(SiloObserver<ILeafletWatcher>(new IdleLeafletWatcher()).GetGrainId()).AsReference<ILeafletWatcher>()),
            (typeof(IUnitWatcher), () => Raw.GetGrain(SiloObserver<IUnitWatcher>(new IdleUnitWatcher()).GetGrainId()).AsReference<IUnitWatcher>()),
        };
        var found = candidates.Where(c => declaring.IsAssignableFrom(c.Type)).Select(c => c.Grain()).ToList();
        return found.Count > 0 ? found : throw new InvalidOperationException($"no grain to call {GrainSurface.Name(method)} on: add its interface here");
    }

    private T SiloObserver<T>(T watcher) where T : IGrainObserver =>
        fixture.SiloService<IGrainFactory>().CreateObjectReference<T>(watcher);

    private sealed class IdleLeafletWatcher : ILeafletWatcher
    {
        public Task CoverageChanged(OrgTasks.Leaflets.LeafletStatus status) => throw new InvalidOperationException("a client reached a silo's observer");
    }

    private sealed class IdleUnitWatcher : IUnitWatcher
    {
        public Task InboxArrived(string unit, IReadOnlyList<InboxEntry> entries) => throw new InvalidOperationException("a client reached a silo's observer");
        public Task NoticePinned(string unit, OrgTasks.Life.Notice notice) => throw new InvalidOperationException("a client reached a silo's observer");
    }

    /// <summary>What the organization looks like to the operator: the tree, its life, an inbox, a route, credentials and standings.</summary>
    private async Task<string> SnapshotAsync(LifeCity city, string leaflet)
    {
        var picture = new
        {
            tree = await Client.DescribeAsync(city.Committee),
            life = await Client.GetLifeAsync(city.Committee),
            inbox = (await Client.GetInboxAsync(city.Committee)).Select(e => e.Statement.Id).Order().ToList(),
            centreInbox = (await Client.GetInboxAsync(city.CentralCommittee)).Count,
            agents = await Task.WhenAll(new[] { "c1", "c3", "sec", "s1" }.Select(a => Client.As(null, () => Raw.GetGrain<IAgentGrain>(city.A(a)).GetConfig()))),
            leaflet = (await Client.GetLeafletStatusAsync(leaflet)).HomesReached,
            notices = (await Client.GetNoticesAsync(city.Strict)).Count,
            credentials = (await Client.ListCredentialsAsync()).Count(r => r.RevokedAt is null),
            organizations = await Client.ListOrganizationsAsync(),
            deposit = (await Client.GetDepositAsync(city.Strict))?.Version,
        };
        return JsonSerializer.Serialize(picture);
    }

    /// <summary><paramref name="Accepted"/>: a refusal of the grain's own business rules that still proves the gate and the relation check let the call in.</summary>
    private sealed record RightCall(string Method, string Who, string Credential, Func<Task> Invoke, Type? Accepted = null);

    /// <summary>One call per method open to clients, made by a holder the matrix allows, with arguments that make sense.</summary>
    private IReadOnlyList<RightCall> RightCalls(LifeCity city, string leaflet, string statement)
    {
        var org = city.Spec.Name;
        string Agent(string a) => TestIdentity.Agent(city.A(a), org);
        var op = TestIdentity.Operator;
        var agent = Raw.GetGrain<IAgentGrain>(city.A("c1"));
        var committee = Raw.GetGrain<ICommitteeGrain>(city.Committee);
        var strict = Raw.GetGrain<IGroupGrain>(city.Strict);
        var organization = Raw.GetGrain<IOrganizationGrain>(org);
        var registry = Raw.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key);
        var routine = Raw.GetGrain<IRoutineGrain>(org);
        var authority = Raw.GetGrain<ICredentialAuthorityGrain>(ICredentialAuthorityGrain.Key);
        var meeting = OrgTasks.Ids.NewMeetingId();
        var plan = PlanBuilder.Build(city.Spec);
        byte[] centreKey, centrePrivate;
        using (var centre = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256))
        {
            centreKey = centre.ExportSubjectPublicKeyInfo();
            centrePrivate = centre.ExportPkcs8PrivateKey();
        }
        string? proposal = null;
        string? issued = null;
        return
        [
            new("IStatementAuthor.SendStatement", "c3", Agent("c3"), () => Raw.GetGrain<IAgentGrain>(city.A("c3")).SendStatement(
                new StatementDraft { Id = OrgTasks.Ids.NewStatementId(), To = Addressee.Committee, Text = "through", Kind = StatementKind.Report })),
            new("IContact.GetHeld", "c1 itself", Agent("c1"), () => agent.GetHeld()),
            new("IAgentGrain.GetConfig", "c1 itself", Agent("c1"), () => agent.GetConfig()),
            new("IDistributor.GetLeaflets", "c1 itself", Agent("c1"), () => agent.GetLeaflets()),
            new("ILeafletIssuer.IssueLeaflet", "the secretary", Agent("sec"), () => committee.IssueLeaflet(
                new LeafletDraft { Id = OrgTasks.Ids.NewLeafletId(), Title = "By an officer", Text = "text" })),
            new("IStatementHop.GetInbox", "the secretary", Agent("sec"), () => committee.GetInbox(10)),
            new("IStatementHop.GetHeld", "the operator", op, () => committee.GetHeld()),
            new("INoticeBoard.GetNotices", "a member", Agent("c4"), () => strict.GetNotices(10)),
            new("IReportingUnit.GetReportsReceived", "the secretary", Agent("sec"), () => committee.GetReportsReceived()),
            new("IUnitGrain.GetConfig", "the operator", op, () => strict.GetConfig()),
            new("IUnitGrain.GetComposition", "a member", Agent("c4"), () => strict.GetComposition()),
            new("ILeafletTrackerGrain.GetStatus", "the secretary", Agent("sec"), () => Raw.GetGrain<ILeafletTrackerGrain>(leaflet).GetStatus()),
            new("IOrganizationGrain.Apply", "the operator", op, () => organization.Apply(plan)),
            new("IOrganizationGrain.Describe", "the secretary", Agent("sec"), () => organization.Describe(null)),
            new("IOrganizationGrain.GetCommittee", "the operator", op, () => organization.GetCommittee()),
            new("IOrganizationLife.Arrest", "the operator", op, () => organization.Arrest(city.A("c5"))),
            new("IOrganizationLife.Release", "the operator", op, () => organization.Release(city.A("c5"))),
            new("IOrganizationLife.ArrestAll", "the operator", op, () => organization.ArrestAll([city.A("c5")])),
            new("IOrganizationLife.ReleaseAll", "the operator", op, () => organization.ReleaseAll([city.A("c5")])),
            new("IOrganizationLife.Warn", "the secretary", Agent("sec"), () => organization.Warn(city.A("c5"), "suspicious")),
            new("IOrganizationLife.Clear", "the secretary", Agent("sec"), () => organization.Clear(city.A("c5"))),
            new("IOrganizationLife.Propose", "a committee member", Agent("prt"), async () => proposal = (await organization.Propose(city.A("cand1"), "transport", false)).Id),
            new("IOrganizationLife.Vote", "a member as itself", Agent("sec"), () => organization.Vote(proposal!, city.A("sec"), true)),
            new("IOrganizationLife.Consent", "the operator", op, () => organization.Consent()),
            new("IOrganizationLife.DetailDelegate", "the secretary", Agent("sec"), () => organization.DetailDelegate(city.A("d"), city.Strict)),
            new("IOrganizationLife.InstallCentreKey", "the operator", op, () => organization.InstallCentreKey(centreKey)),
            new("IOrganizationLife.Reestablish", "the operator", op, async () =>
            {
                // The deposit is the one the group made itself, opened with the centre's key installed above.
                var sealedDeposit = await Poll.UntilAsync(() => Raw.GetGrain<IDepositGrain>(city.Strict).GetLatest(), d => d?.KeyId == OrgTasks.Deposits.DepositSeal.KeyId(centreKey), what: "a deposit under the new key");
                var contents = OrgTasks.Deposits.DepositSeal.Open(sealedDeposit!, centrePrivate);
                await organization.Reestablish(city.Strict, city.A("d"), contents);
            }),
            new("IOrganizationLife.GetLife", "a committee member", Agent("prt"), () => organization.GetLife()),
            new("IOrganizationRegistryGrain.List", "the operator", op, () => registry.List()),
            new("IOrganizationRegistryGrain.FindUnit", "a member", Agent("c4"), () => registry.FindUnit(city.Strict)),
            new("IRoutineGrain.Tick", "the operator", op, () => routine.Tick()),
            new("IRoutineGrain.GetRoutine", "a committee member", Agent("prt"), () => routine.GetRoutine()),
            new("IRoutineGrain.GetReports", "a committee member", Agent("prt"), () => routine.GetReports(null)),
            new("IRoutineGrain.GetPicture", "a committee member", Agent("prt"), () => routine.GetPicture(null)),
            new("IDepositGrain.GetLatest", "the operator", op, () => Raw.GetGrain<IDepositGrain>(city.Strict).GetLatest()),
            new("IStatementLedgerGrain.GetRoute", "the author", Agent("c3"), () => Raw.GetGrain<IStatementLedgerGrain>(0).GetRoute(statement)),
            new("IStatementLedgerGrain.GetBreaches", "the operator", op, () => Raw.GetGrain<IStatementLedgerGrain>(0).GetBreaches()),
            new("ICredentialAuthorityGrain.Issue", "the secretary", Agent("sec"), async () => issued = (await authority.Issue(city.A("c4"), TimeSpan.FromHours(1))).Record.Claims.Id),
            new("ICredentialAuthorityGrain.IssueOperator", "the operator", op, () => authority.IssueOperator("second-operator", TimeSpan.FromHours(1))),
            new("ICredentialAuthorityGrain.List", "the secretary", Agent("sec"), () => authority.List()),
            new("ICredentialAuthorityGrain.Revoke", "the secretary", Agent("sec"), () => authority.Revoke(issued!)),
            new("IAuditGrain.Read", "the operator", op, () => Raw.GetGrain<IAuditGrain>(0).Read(new AuditQuery { Limit = 10 })),
            new("IStatementLedgerGrain.GetQuarantined", "the secretary", Agent("sec"), () => Raw.GetGrain<IStatementLedgerGrain>(0).GetQuarantined(city.Committee)),
            new("IMeetingGrain.Plan", "a committee member", Agent("prt"), () => Raw.GetGrain<IMeetingGrain>(meeting).Plan(new OrgTasks.Meetings.MeetingPlan
            {
                Id = meeting, Committee = city.Committee, At = DateTimeOffset.UtcNow.AddDays(1), Place = "behind the gate", Invited = [city.Strict],
            })),
            new("IMeetingGrain.Answer", "the invited unit's contact (the delegate since the re-establishment)", Agent("d"), () => Raw.GetGrain<IMeetingGrain>(meeting).Answer(city.Strict, 3)),
            new("IMeetingGrain.Show", "a member of the invited unit", Agent("c4"), () => Raw.GetGrain<IMeetingGrain>(meeting).Show()),
            // The leaflet is complete: the tracker answers that nothing is left to close (the gate and the member check passed).
            new("ILeafletTrackerGrain.Close", "a committee member", Agent("prt"), () => Raw.GetGrain<ILeafletTrackerGrain>(leaflet).Close("enough"),
                typeof(InvalidRequestException)),
        ];
    }
}
