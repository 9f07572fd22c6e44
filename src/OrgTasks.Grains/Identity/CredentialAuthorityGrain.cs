using System.Security.Cryptography;
using OrgTasks.Grains.Audit;

namespace OrgTasks.Grains.Identity;

/// <summary>
/// Issues credentials signed with the silos' key, keeps their records and the revocation list. Issuing and revoking an
/// agent's credential is the operator's or the secretary's of that agent's committee; both are audited. The grain acts
/// as the system when it looks the agent up, so it checks the caller first, while the call's proven identity is its own.
/// </summary>
public sealed class CredentialAuthorityGrain(
    [PersistentState("credentials", OrgTasksStorage.Name)] IPersistentState<CredentialAuthorityState> state,
    SigningKeyRing keys,
    RevocationList revocations,
    Auditor auditor,
    TimeProvider clock)
    : Grain, ICredentialAuthorityGrain, IActingGrain
{
    /// <summary>The longest life a credential may be given.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    /// <summary>An agent's credential when no lifetime is given (the CLI's and the API's default).</summary>
    public static readonly TimeSpan DefaultAgentLifetime = TimeSpan.FromDays(30);

    /// <summary>An operator's credential when no lifetime is given, and the local operator's own.</summary>
    public static readonly TimeSpan DefaultOperatorLifetime = TimeSpan.FromDays(365);

    /// <summary>Revoked ids of credentials made outside the cluster (an operator's, from the key file) stay this long.</summary>
    private static readonly TimeSpan UnknownExpiry = MaxLifetime;

    public Actor Actor => Actor.System("credentials");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        revocations.Update(Snapshot());
        return Task.CompletedTask;
    }

    public async Task<IssuedCredential> Issue(string agent, TimeSpan lifetime)
    {
        var caller = Callers.Require();
        var actor = Auditor.CurrentActor();
        RequireLifetime(lifetime);
        if (string.IsNullOrWhiteSpace(agent) || agent.Length > 200) throw new InvalidRequestException("agent: no agent named");
        var (organization, committee) = await OrganizationOfAsync(agent);
        RequireIssuer(caller, committee, $"issue a credential for agent '{agent}'");
        // The token is readable by its holder: it names the organization only to a member of the committee, which knows
        // it anyway; the record keeps it for the secretary's list and revocations.
        var named = committee.Members.Contains(agent) ? organization : "";
        var issued = await IssueAsync(agent, CredentialRole.Agent, named, lifetime, actor, organization);
        await auditor.RecordAsAsync(actor, "credential.issue", agent, $"{issued.Record.Claims.Id}, expires {issued.Record.Claims.ExpiresAt:yyyy-MM-dd}");
        return issued;
    }

    public async Task<IssuedCredential> IssueOperator(string name, TimeSpan lifetime)
    {
        var actor = Auditor.CurrentActor();
        RequireLifetime(lifetime);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Contains(':'))
            throw new InvalidRequestException("name: an operator's name is 1 to 100 characters without ':'");
        var issued = await IssueAsync(name, CredentialRole.Operator, CredentialClaims.AnyOrganization, lifetime, actor);
        await auditor.RecordAsAsync(actor, "credential.issue", "operator:" + name, $"{issued.Record.Claims.Id}, expires {issued.Record.Claims.ExpiresAt:yyyy-MM-dd}");
        return issued;
    }

    public async Task<IReadOnlyList<CredentialRecord>> Revoke(string agentOrId)
    {
        var caller = Callers.Require();
        var actor = Auditor.CurrentActor();
        if (string.IsNullOrWhiteSpace(agentOrId) || agentOrId.Length > 200) throw new InvalidRequestException("no agent or credential id named");
        var now = clock.GetUtcNow();
        List<CredentialRecord> targets = state.State.Issued.TryGetValue(agentOrId, out var one)
            ? [one]
            : state.State.Issued.Values.Where(r => r.Claims.Subject == agentOrId && r.Claims.Role == CredentialRole.Agent).ToList();
        var active = targets.Where(r => r.RevokedAt is null && r.Claims.ExpiresAt > now).ToList();
        if (targets.Count == 0 && caller.Kind == ActorKind.Operator && agentOrId.StartsWith(IdPrefix, StringComparison.Ordinal))
        {
            // A credential made outside the cluster (an operator's, from the key file): revoke its id all the same.
            state.State.Revoked[agentOrId] = now + UnknownExpiry;
            await SaveRevocationsAsync(now);
            await auditor.RecordAsAsync(actor, "credential.revoke", agentOrId, "not issued through the cluster");
            return [];
        }
        if (targets.Count == 0) throw new NotFoundException($"no credential '{agentOrId}' and no agent '{agentOrId}' with credentials");
        if (caller.Kind != ActorKind.Operator)
        {
            // A secretary revokes its own organization's agents' credentials; an operator's credential is the operator's.
            if (targets.Any(r => r.Claims.Role != CredentialRole.Agent))
                throw new AccessDeniedException($"{caller} may not revoke an operator's credential");
            foreach (var organization in targets.Select(r => r.OrganizationOf).Distinct())
                RequireIssuer(caller, await CommitteeOfAsync(organization), $"revoke credentials of '{agentOrId}'");
        }
        foreach (var record in active)
        {
            state.State.Issued[record.Claims.Id] = record with { RevokedAt = now, RevokedBy = actor };
            state.State.Revoked[record.Claims.Id] = record.Claims.ExpiresAt;
        }
        if (active.Count > 0) await SaveRevocationsAsync(now);
        await auditor.RecordAsAsync(actor, "credential.revoke", agentOrId, active.Count == 0 ? "nothing active to revoke" : string.Join(", ", active.Select(r => r.Claims.Id)));
        return active.Select(r => state.State.Issued[r.Claims.Id]).ToList();
    }

    public async Task<IReadOnlyList<CredentialRecord>> List()
    {
        var caller = Callers.Require();
        IEnumerable<CredentialRecord> records = state.State.Issued.Values;
        if (caller.Kind == ActorKind.Agent)
        {
            // A secretary sees its own organization's credentials; nobody else's.
            var agentConfig = await GrainFactory.GetGrain<IAgentGrain>(caller.Id).GetConfig()
                ?? throw new AccessDeniedException($"{caller} may not list credentials: it belongs to no organization");
            RequireIssuer(caller, await CommitteeOfAsync(agentConfig.Organization), "list credentials");
            records = records.Where(r => r.OrganizationOf == agentConfig.Organization);
        }
        else if (caller.Kind != ActorKind.Operator)
        {
            throw new AccessDeniedException($"{caller} may not list credentials");
        }
        return records.OrderByDescending(r => r.Claims.IssuedAt).ThenBy(r => r.Claims.Id, StringComparer.Ordinal).ToList();
    }

    public Task<Revocations?> GetRevocations(long knownVersion) =>
        Task.FromResult(state.State.RevocationsVersion + 1 > knownVersion ? Snapshot() : null);

    private const string IdPrefix = "c-";

    /// <summary>A fresh credential id: short, random, never reused.</summary>
    public static string NewId() => IdPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    private async Task<IssuedCredential> IssueAsync(
        string subject, CredentialRole role, string organization, TimeSpan lifetime, string issuedBy, string? keptOrganization = null)
    {
        var now = clock.GetUtcNow();
        var claims = new CredentialClaims
        {
            Id = NewId(),
            Subject = subject,
            Role = role,
            Organization = organization,
            IssuedAt = now,
            ExpiresAt = now + lifetime,
            KeyId = keys.SigningKeyId,
        };
        var token = keys.Sign(claims);
        var record = new CredentialRecord { Claims = claims, IssuedBy = issuedBy, Organization = keptOrganization };
        state.State.Issued[claims.Id] = record;
        await state.WriteStateAsync();
        return new IssuedCredential { Token = token, Record = record };
    }

    private async Task SaveRevocationsAsync(DateTimeOffset now)
    {
        foreach (var expired in state.State.Revoked.Where(r => r.Value <= now).Select(r => r.Key).ToList()) state.State.Revoked.Remove(expired);
        state.State.RevocationsVersion++;
        await state.WriteStateAsync();
        revocations.Update(Snapshot()); // this silo at once; the others within their refresh interval
    }

    private Revocations Snapshot() => new()
    {
        Version = state.State.RevocationsVersion + 1,
        Revoked = new Dictionary<string, DateTimeOffset>(state.State.Revoked, StringComparer.Ordinal),
    };

    private static void RequireLifetime(TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw new InvalidRequestException($"ttl: {lifetime} is not between one second and {MaxLifetime.TotalDays:0} days");
    }

    private static void RequireIssuer(Actor caller, UnitConfig committee, string what)
    {
        if (caller.Kind == ActorKind.Operator) return;
        if (caller.Kind == ActorKind.Agent && Officers.IsSecretary(committee, caller.Id)) return;
        throw new AccessDeniedException($"{caller} may not {what}: only the operator or the secretary of committee '{committee.Unit.Id}' may");
    }

    private async Task<(string Organization, UnitConfig Committee)> OrganizationOfAsync(string agent)
    {
        var config = await GrainFactory.GetGrain<IAgentGrain>(agent).GetConfig()
            ?? throw new NotFoundException($"no agent '{agent}' in any applied organization");
        return (config.Organization, await CommitteeOfAsync(config.Organization));
    }

    private async Task<UnitConfig> CommitteeOfAsync(string organization)
    {
        var committee = await GrainFactory.GetGrain<IOrganizationGrain>(organization).GetCommittee()
            ?? throw new NotFoundException($"organization '{organization}' has no committee");
        return await GrainFactory.GetGrain<ICommitteeGrain>(committee).GetConfig()
            ?? throw new NotFoundException($"committee '{committee}' has no configuration");
    }
}
