using System.Runtime.CompilerServices;
using OrgTasks.Client.Connection;
using OrgTasks.Organization;

namespace OrgTasks.Client;

/// <summary>
/// What a client app does with OrgTasks: apply an organization, send statements, issue leaflets and watch their
/// coverage, read routes and inboxes. Every call carries the client's credential (a token the organization issued); the
/// silo derives the acting identity from it and the grains check what that identity may do. With the operator's
/// credential a call may act as an agent (for testing; the audit trail names both). Sends carry ids made here, so that
/// retrying a send whose answer was lost cannot create a second statement.
/// </summary>
public sealed partial class OrgTasksClient(IGrainFactory grains, string credential)
{
    /// <summary>The acting identity of calls that act as the credential's holder.</summary>
    private static readonly Actor? Operator = null;

    public IGrainFactory Grains { get; } = grains;

    /// <summary>The credential every call carries.</summary>
    public string Credential { get; } = credential;

    /// <summary>What the credential says (read here, not verified: the silo verifies it on every call).</summary>
    public CredentialClaims? Holder { get; } = CredentialToken.TryRead(credential, out var claims, out _, out _, out _) ? claims : null;

    /// <summary>
    /// Told of each transient failure (a database restarting, a silo that just died) that this client's calls are
    /// about to retry; the CLI prints storage failures as a progress line. Default: null.
    /// </summary>
    public Action<Exception>? Retrying { get; set; }

    /// <summary>Makes the cluster match a validated organization file; reports what changed.</summary>
    public Task<ApplyReport> ApplyAsync(OrganizationSpec spec)
    {
        var plan = PlanBuilder.Build(spec);
        return As(Operator, () => Grains.GetGrain<IOrganizationGrain>(plan.Name).Apply(plan));
    }

    /// <summary>
    /// Organization name → committee id, for every organization applied to this cluster. The list is the operator's; an
    /// agent's credential names its organization, and a member of that organization's committee (whose own unit is the
    /// committee) gets that one, so that commands without a unit work for it too.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ListOrganizationsAsync()
    {
        if (Holder is { Role: CredentialRole.Agent } agent)
        {
            var own = await As(Operator, () => Grains.GetGrain<IAgentGrain>(agent.Subject).GetConfig());
            // The credential names the organization only to a committee member (one co-opted since needs a new credential).
            if (own?.HomeUnit is { Kind: OrgTasks.Plan.UnitKind.Committee } committee && agent.Organization.Length > 0)
                return new Dictionary<string, string>(StringComparer.Ordinal) { [agent.Organization] = committee.Id };
            throw new AccessDeniedException($"agent:{agent.Subject} may not list the organizations of the cluster: name a unit of its own");
        }
        return await As(Operator, () => Grains.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key).List());
    }

    /// <summary>Finds a unit's organization and kind; a clear refusal when no applied organization has it.</summary>
    public async Task<UnitLocation> FindUnitAsync(string unit) =>
        await As(Operator, () => Grains.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key).FindUnit(unit))
        ?? throw new NotFoundException($"no unit '{unit}' in any applied organization");

    /// <summary>
    /// The organization of a unit found by <see cref="FindUnitAsync"/>, for the calls that act on the whole organization
    /// (its tree, life and routine: the committee's members and officers only). The registry names it only to the
    /// committee's members; any other agent is refused here with a line that names neither the organization nor the
    /// units above (the organization's own refusal would name them, and a member of an unaware group must not learn them).
    /// </summary>
    private string OrganizationOf(UnitLocation location) =>
        location.Organization is { Length: > 0 } name ? name
        : throw new AccessDeniedException($"agent:{Holder?.Subject} may not act on the organization of '{location.Unit.Id}': only the committee's members may");

    /// <summary>The tree under <paramref name="unit"/>; without a unit, the whole tree of every organization.</summary>
    public async Task<IReadOnlyList<UnitSummary>> DescribeAsync(string? unit)
    {
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var location = await FindUnitAsync(unit);
            return await As(Operator, () => Grains.GetGrain<IOrganizationGrain>(OrganizationOf(location)).Describe(unit));
        }
        var all = new List<UnitSummary>();
        foreach (var organization in (await ListOrganizationsAsync()).Keys)
            all.AddRange(await As(Operator, () => Grains.GetGrain<IOrganizationGrain>(organization).Describe(null)));
        return all;
    }

    /// <summary>Sends a statement as <paramref name="agent"/>; returns its id once the agent's own unit has stored it.</summary>
    public Task<string> SendStatementAsync(string agent, Addressee to, string text, StatementKind kind = StatementKind.Report,
        CancellationToken cancellation = default)
    {
        var draft = new StatementDraft { Id = Ids.NewStatementId(), To = to, Text = text, Kind = kind };
        // The id makes a repeat harmless, so an attempt lost with a dying silo is given up and sent again.
        return Transient.RetryAsync(
            () => As(Actor.Agent(agent), () => Grains.GetByKey<IAgentGrain>(agent).SendStatement(draft)),
            budget: null, attemptLimit: Transient.QuickAttemptLimit, cancellation, Retrying);
    }

    public Task<StatementRoute> GetRouteAsync(string statementId) =>
        As(Operator, () => Grains.GetGrain<IStatementLedgerGrain>(0).GetRoute(statementId));

    public Task<IReadOnlyList<Breach>> GetBreachesAsync() =>
        As(Operator, () => Grains.GetGrain<IStatementLedgerGrain>(0).GetBreaches());

    public async Task<IReadOnlyList<InboxEntry>> GetInboxAsync(string unit, int limit = 100)
    {
        var location = await FindUnitAsync(unit);
        return await As(Operator, () => Grains.GetUnit(location.Unit).GetInbox(limit));
    }

    /// <summary>Statements addressed to <paramref name="unit"/> held on their way in quarantine, with the warning's date.</summary>
    public async Task<IReadOnlyList<QuarantinedStatement>> GetQuarantinedAsync(string unit)
    {
        await FindUnitAsync(unit);
        return await As(Operator, () => Grains.GetGrain<IStatementLedgerGrain>(0).GetQuarantined(unit));
    }

    /// <summary>
    /// Issues a leaflet from <paramref name="fromUnit"/> to the subtree of <paramref name="scope"/> (the issuer's own when
    /// empty). For a propaganda group's material to its district groups, <paramref name="approvedBy"/> names the committee
    /// that approves it (the credential's holder must be the operator or one of that committee's officers). With
    /// <paramref name="forKind"/>, only groups of that kind deliver it. <paramref name="issuer"/>: the officer who issues it
    /// (the credential's holder when null).
    /// </summary>
    public async Task<string> IssueLeafletAsync(string fromUnit, string title, string text, string? scope = null,
        TimeSpan? deadline = null, CancellationToken cancellation = default, string? approvedBy = null, UnitKind? forKind = null,
        Actor? issuer = null)
    {
        // A read, repeated when the silo answering it just died (as the issue below is).
        var location = await Transient.RetryAsync(() => FindUnitAsync(fromUnit), budget: null, Transient.QuickAttemptLimit, cancellation, Retrying);
        var draft = new LeafletDraft { Id = Ids.NewLeafletId(), Title = title, Text = text, Scope = scope, Deadline = deadline, ForKind = forKind, ApprovedBy = approvedBy };
        // The id makes a repeat harmless (the tracker keeps the first issue; a repeat only nudges the units), and the
        // call returns once the leaflet is stored, not delivered: so an attempt lost with a dying silo is given up and
        // sent again instead of waiting out the response timeout (a chaos soak saw one wait 10 minutes).
        return await Transient.RetryAsync(
            () => As(issuer, () => Grains.GetUnit(location.Unit).IssueLeaflet(draft)),
            budget: null, attemptLimit: Transient.QuickAttemptLimit, cancellation, Retrying);
    }

    public Task<LeafletStatus> GetLeafletStatusAsync(string leafletId) =>
        As(Operator, () => Grains.GetGrain<ILeafletTrackerGrain>(leafletId).GetStatus());

    /// <summary>
    /// Ends a leaflet before every home has it, as <paramref name="officer"/> (the operator when none is given); the
    /// homes never reached are recorded in its status.
    /// </summary>
    public Task<LeafletStatus> CloseLeafletAsync(string leafletId, string reason, Actor? officer = null) =>
        As(officer ?? Operator, () => Grains.GetGrain<ILeafletTrackerGrain>(leafletId).Close(reason));

    /// <summary>The leaflet's status every <paramref name="interval"/> until it is complete (the last one yielded) or cancelled.</summary>
    public async IAsyncEnumerable<LeafletStatus> WatchCoverageAsync(string leafletId, TimeSpan interval,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        while (true)
        {
            var status = await Transient.RetryAsync(() => GetLeafletStatusAsync(leafletId), budget: null, Transient.QuickAttemptLimit, cancellation, Retrying);
            yield return status;
            if (status.Complete || status.Closed is not null) yield break;
            await Task.Delay(interval, cancellation);
        }
    }

    /// <summary>
    /// Runs a grain call with this client's credential. <paramref name="actor"/> null (or the operator) acts as the
    /// credential's holder; an agent acts as that agent, which the silo allows only to that agent's own credential or
    /// the operator's. A client can never act as a unit or the system: those identities exist only inside the cluster.
    /// </summary>
    public async Task<T> As<T>(Actor? actor, Func<Task<T>> call)
    {
        using (ActorContext.UseCredential(Credential, ActAs(actor)))
        {
            return await call();
        }
    }

    /// <inheritdoc cref="As{T}(Actor?, Func{Task{T}})"/>
    public async Task As(Actor? actor, Func<Task> call)
    {
        using (ActorContext.UseCredential(Credential, ActAs(actor)))
        {
            await call();
        }
    }

    private static string? ActAs(Actor? actor) => actor switch
    {
        null => null,
        { Kind: ActorKind.Operator } => null,
        { Kind: ActorKind.Agent } agent => agent.Id,
        { } other => throw new InvalidRequestException($"a client cannot act as {other}: units and the system act only inside the cluster"),
    };
}
