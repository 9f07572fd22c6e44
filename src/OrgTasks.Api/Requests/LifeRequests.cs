namespace OrgTasks.Api.Requests;

/// <summary><c>POST /api/v1/life/arrests</c> and <c>/releases</c>, as <c>arrest</c> and <c>release</c>: the agents, in order.</summary>
public sealed record AgentsRequest(IReadOnlyList<string>? Agents);

/// <summary><c>POST /api/v1/life/warnings</c>, as <c>warn</c>: the suspected provocateur and why.</summary>
public sealed record WarnRequest(string? Suspect, string? Reason);

/// <summary><c>POST /api/v1/life/delegates</c>, as <c>delegate AGENT --to UNIT</c>.</summary>
public sealed record DelegateRequest(string? Agent, string? To);

/// <summary>
/// <c>POST /api/v1/groups/{id}/reestablish</c>, as <c>reestablish</c>: the delegate who becomes the contact and the
/// deposit's contents, opened by the caller with the centre's private key (which never goes to the server).
/// </summary>
public sealed record ReestablishRequest(string? Delegate, DepositContents? Deposit);

/// <summary><c>PUT /api/v1/centre/key</c>, as <c>centre install</c> (and the install step of <c>centre keys</c>): the public key as PEM.</summary>
public sealed record CentreKeyRequest(string? PublicKey, string? Organization);

/// <summary>What one life event did to one agent.</summary>
public sealed record AgentLifeReport(string Agent, LifeReport Report);

/// <summary>The centre's key installed: its id and, per organization, whether anything changed.</summary>
public sealed record CentreKeyInstalled(string KeyId, string Algorithm, IReadOnlyList<CentreKeyInstalled.Installation> Installed)
{
    public sealed record Installation(string Organization, bool NothingChanged);
}

/// <summary>A group's latest deposit: what may be said without opening it, and the sealed bytes for the holder of the centre's key.</summary>
public sealed record DepositView(OrgTasks.Client.Views.DepositSummary Summary, SealedDeposit Sealed);
