using OrgTasks.Audit;

namespace OrgTasks.Client;

/// <summary>Credentials (issued by the operator or a committee's secretary) and the audit trail (the operator's).</summary>
public sealed partial class OrgTasksClient
{
    private ICredentialAuthorityGrain Authority => Grains.GetGrain<ICredentialAuthorityGrain>(ICredentialAuthorityGrain.Key);

    /// <summary>Issues a credential for <paramref name="agent"/>; the token is in the answer only.</summary>
    public Task<IssuedCredential> IssueCredentialAsync(string agent, TimeSpan lifetime) =>
        As(Operator, () => Authority.Issue(agent, lifetime));

    /// <summary>Issues an operator's credential (by an operator).</summary>
    public Task<IssuedCredential> IssueOperatorCredentialAsync(string name, TimeSpan lifetime) =>
        As(Operator, () => Authority.IssueOperator(name, lifetime));

    /// <summary>Revokes a credential by id, or every credential of an agent; the records revoked.</summary>
    public Task<IReadOnlyList<CredentialRecord>> RevokeCredentialAsync(string agentOrId) =>
        As(Operator, () => Authority.Revoke(agentOrId));

    public Task<IReadOnlyList<CredentialRecord>> ListCredentialsAsync() => As(Operator, () => Authority.List());

    /// <summary>The audit trail, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(AuditQuery query) =>
        As(Operator, () => Grains.GetGrain<IAuditGrain>(0).Read(query));
}
