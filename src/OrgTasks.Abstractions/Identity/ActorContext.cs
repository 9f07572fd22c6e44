namespace OrgTasks.Identity;

/// <summary>
/// The request-context keys of identity, which flow with every grain call in Orleans'
/// <see cref="Orleans.Runtime.RequestContext"/>, and the acting identity of the call being served.
/// - A client sends only its credential (<see cref="CredentialKey"/>) and, for the operator acting as an agent,
///   <see cref="ActAsKey"/>. Whatever else it writes is ignored: the silo's call gate derives the acting identity from
///   the credential alone and writes it into <see cref="ActorKey"/> for the grain.
/// - Inside the cluster, calls carry the silos' shared proof (<see cref="ProofKey"/>), stamped on every outgoing call by
///   the silo, and the caller's identity in <see cref="ActorKey"/>; only such calls can be made as a unit or the system.
/// </summary>
public static class ActorContext
{
    /// <summary>The acting identity, <c>kind:id</c>. Short keys, because they travel with every message.</summary>
    public const string ActorKey = "ot.actor";

    /// <summary>When the operator acts as an agent: the operator's own identity, for the audit trail.</summary>
    public const string OnBehalfKey = "ot.by";

    /// <summary>A client's credential token.</summary>
    public const string CredentialKey = "ot.cred";

    /// <summary>The agent an operator's client acts as (ignored for any other credential but the agent's own).</summary>
    public const string ActAsKey = "ot.as";

    /// <summary>The silos' shared secret proving that a call was made inside the cluster; never sent to a client.</summary>
    public const string ProofKey = "ot.sys";

    /// <summary>The acting identity of the call being served (proven by the silo), or null outside a call.</summary>
    public static Actor? Current =>
        Actor.TryParse(Orleans.Runtime.RequestContext.Get(ActorKey) as string, out var actor) ? actor : null;

    /// <summary>Who really acts: the operator's identity when it acts as an agent, else the acting identity.</summary>
    public static string? OnBehalf => Orleans.Runtime.RequestContext.Get(OnBehalfKey) as string;

    /// <summary>Sets the acting identity for the calls made inside the returned scope (silo code only), restoring the previous one after.</summary>
    public static IDisposable Use(Actor actor) => Scope.Set((ActorKey, actor.ToString()), (OnBehalfKey, null));

    /// <summary>A client's calls inside the returned scope carry <paramref name="credential"/> and, if given, the agent to act as.</summary>
    public static IDisposable UseCredential(string? credential, string? actAs) =>
        Scope.Set((CredentialKey, credential), (ActAsKey, actAs), (ActorKey, null), (OnBehalfKey, null));

    private sealed class Scope : IDisposable
    {
        private readonly (string Key, object? Previous)[] _previous;

        private Scope((string Key, object? Previous)[] previous) => _previous = previous;

        public static Scope Set(params (string Key, string? Value)[] values)
        {
            var previous = new (string, object?)[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var (key, value) = values[i];
                previous[i] = (key, Orleans.Runtime.RequestContext.Get(key));
                if (value is null) Orleans.Runtime.RequestContext.Remove(key);
                else Orleans.Runtime.RequestContext.Set(key, value);
            }
            return new Scope(previous);
        }

        public void Dispose()
        {
            foreach (var (key, previous) in _previous)
            {
                if (previous is null) Orleans.Runtime.RequestContext.Remove(key);
                else Orleans.Runtime.RequestContext.Set(key, previous);
            }
        }
    }
}
