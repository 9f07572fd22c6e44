namespace OrgTasks.Grains.Identity;

/// <summary>
/// Stamps every call a silo makes with the silos' proof, so that the receiving silo's <see cref="CallGate"/> knows it
/// came from inside the cluster, and with the calling grain's own identity. RequestContext flows along a call chain, so
/// without the identity a unit passing on an agent's statement would still carry the agent's identity; with it, the
/// next hop sees who is really calling. Calls to clients (observers) never carry the proof: a client must not learn it.
/// A silo's own observers (its hosted client's, such as the server's live feed) are inside the cluster: calls to them
/// are stamped like calls to grains, so the receiving silo's gate admits them as silo calls.
/// A call made in the silo's process outside any grain activation that carries a client's credential (the HTTP API
/// calling through <c>OrgTasksClient</c> with the request's bearer) is not stamped either: the receiving call gate then
/// admits it as a client, by its credential and the need-to-know matrix, exactly as if it had come through a gateway.
/// </summary>
public sealed class ActorStampFilter(SigningKeyRing keys) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.TargetId.IsClient() && !SiloObservers.IsSiloHosted(context.TargetId))
        {
            if (RequestContext.Get(ActorContext.ProofKey) is not null) RequestContext.Remove(ActorContext.ProofKey);
            return InvokeThenRestore(context);
        }
        if (context.SourceContext is null && RequestContext.Get(ActorContext.CredentialKey) is string { Length: > 0 })
        {
            // On behalf of a client, not of the cluster: no proof, and no identity but what the credential proves.
            if (RequestContext.Get(ActorContext.ProofKey) is not null) RequestContext.Remove(ActorContext.ProofKey);
            return context.Invoke();
        }
        var proof = keys.SiloProof;
        // RequestContext is copied on every Set: set only what differs (a chain of calls keeps the same values).
        if (!ReferenceEquals(RequestContext.Get(ActorContext.ProofKey), proof)) RequestContext.Set(ActorContext.ProofKey, proof);
        if (context.SourceContext?.GrainInstance is IActingGrain acting)
        {
            var actor = acting.ActorText;
            if (!ReferenceEquals(RequestContext.Get(ActorContext.ActorKey), actor)) RequestContext.Set(ActorContext.ActorKey, actor);
            if (RequestContext.Get(ActorContext.OnBehalfKey) is not null) RequestContext.Remove(ActorContext.OnBehalfKey);
        }
        return context.Invoke();
    }

    /// <summary>After a call to a client the grain's own later calls must carry the proof again.</summary>
    private async Task InvokeThenRestore(IOutgoingGrainCallContext context)
    {
        await context.Invoke();
        RequestContext.Set(ActorContext.ProofKey, keys.SiloProof);
    }
}
