namespace OrgTasks.Grains;

/// <summary>
/// The organization's issuer of credentials (one for the cluster): signs them with the silos' key, keeps a record of
/// each (never the token), and the list of revoked ones that every silo enforces.
/// </summary>
public interface ICredentialAuthorityGrain : IGrainWithStringKey
{
    public const string Key = "authority";

    /// <summary>Issues a credential for <paramref name="agent"/>, valid for <paramref name="lifetime"/>.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "the secretary of the agent's committee")]
    Task<IssuedCredential> Issue(string agent, TimeSpan lifetime);

    /// <summary>Issues an operator's credential (an operator only).</summary>
    [Access(Clients.Operator)]
    Task<IssuedCredential> IssueOperator(string name, TimeSpan lifetime);

    /// <summary>Revokes one credential by id, or every credential of an agent; returns the records revoked.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "the secretary of the agent's committee")]
    Task<IReadOnlyList<CredentialRecord>> Revoke(string agentOrId);

    /// <summary>The credentials issued, newest first; an officer sees those of its own organization.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "the secretary of a committee: its own organization's")]
    Task<IReadOnlyList<CredentialRecord>> List();

    /// <summary>The revocation list when it is newer than <paramref name="knownVersion"/>; silos poll it.</summary>
    [Access(Clients.None)]
    Task<Revocations?> GetRevocations(long knownVersion);
}
