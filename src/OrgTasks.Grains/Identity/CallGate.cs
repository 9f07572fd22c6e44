using System.Reflection;
using OrgTasks.Grains.Audit;

namespace OrgTasks.Grains.Identity;

/// <summary>
/// The silo's incoming call filter: who is calling, proven, before any grain method runs.
/// - A call made inside the cluster carries the silos' proof (stamped by <see cref="ActorStampFilter"/>); its acting
///   identity was stamped by a silo and is believed.
/// - Any other call to an OrgTasks grain, and any call from a client to Orleans' own grains, comes from a client. (Orleans'
///   own calls inside the cluster, such as a grain timer's tick, carry no proof: they are told apart by their source.)
///   Its acting identity is derived from its credential alone (signature, expiry,
///   revocation, the agent's standing); whatever else it wrote into the request context is overwritten. The method
///   must declare that it admits that kind of client (<see cref="AccessAttribute"/>): deny by default. Orleans' own
///   grains (management, storage, reminders) admit only the operator.
/// - Every refusal, here or in the grain's own checks, is counted for the audit trail.
/// The grains then check the caller's relation to the target (the contact rule, membership, the agent itself).
/// </summary>
public sealed class CallGate(
    SigningKeyRing keys, CredentialVerifier credentials, AgentStandings standings, RefusalTally refusals,
    Microsoft.Extensions.Options.IOptions<CallGateOptions> options)
    : IIncomingGrainCallFilter
{
    private readonly HashSet<string> _plumbing = options.Value.ClientPlumbing;

    private static readonly Assembly Contracts = typeof(IUnitGrain).Assembly;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var method = context.InterfaceMethod;
        var ours = method?.DeclaringType?.Assembly == Contracts;
        if (keys.IsSiloProof(RequestContext.Get(ActorContext.ProofKey) as string))
        {
            if (ours && ActorContext.Current is { Kind: ActorKind.Agent } agent && standings.Of(agent.Id) is var standing and not AgentStanding.Free)
                Refuse(context, agent.ToString(), $"{agent} is {AgentStandings.Spell(standing)}: nothing may be done on its behalf");
        }
        else if (ours || context.SourceId is { } source && source.IsClient())
        {
            AdmitClient(context, method, ours);
        }
        // else: Orleans' own call inside the cluster (a grain timer's tick, a reminder), which no outgoing filter stamps.
        try
        {
            await context.Invoke();
        }
        catch (AccessDeniedException refusal)
        {
            refusals.Note(Auditor.CurrentActor(), Name(context), context.TargetId.Key.ToString() ?? "", refusal.Message);
            throw;
        }
    }

    /// <summary>Decides a call from a client: sets the proven identity for the grain, or throws the refusal.</summary>
    private void AdmitClient(IIncomingGrainCallContext context, MethodInfo? method, bool ours)
    {
        if (!ours && ClientPlumbing(method)) return;
        var credential = RequestContext.Get(ActorContext.CredentialKey) as string;
        // Nothing the client wrote is believed: the identity comes from the credential alone, or there is none.
        RequestContext.Remove(ActorContext.ActorKey);
        RequestContext.Remove(ActorContext.OnBehalfKey);
        RequestContext.Remove(ActorContext.CredentialKey);
        var actAs = RequestContext.Get(ActorContext.ActAsKey) as string;
        RequestContext.Remove(ActorContext.ActAsKey);

        if (!credentials.TryVerify(credential, out var claims, out var reason))
            Refuse(context, "anonymous", $"a client without a valid credential may not call {Name(context)}: {reason}");
        var holder = claims.Actor;
        var actor = holder;
        if (!string.IsNullOrEmpty(actAs))
        {
            // The operator may act as any agent (for testing; the audit trail names both); an agent only as itself.
            if (holder.Kind == ActorKind.Operator) actor = Actor.Agent(actAs);
            else if (actAs != holder.Id) Refuse(context, holder.ToString(), $"{holder} may not act as agent '{actAs}'");
        }
        if (actor.Kind == ActorKind.Agent && standings.Of(actor.Id) is var standing and not AgentStanding.Free)
            Refuse(context, Who(holder, actor), $"{actor} is {AgentStandings.Spell(standing)}: nothing may be done on its behalf");

        var access = method is null ? null : AccessPolicies.Of(method);
        var admitted = ours
            ? access is not null && access.Admits(actor)
            : actor.Kind == ActorKind.Operator; // Orleans' own grains: the operator only
        if (!admitted)
        {
            var why = !ours ? "Orleans' own grains are open to the operator only"
                : access is null ? "it declares no access, so it is refused to every client"
                : access.Clients == Clients.None ? "it is silo-internal"
                : $"it is for {Spell(access.Clients)}";
            Refuse(context, Who(holder, actor), $"{actor} may not call {Name(context)}: {why}");
        }

        RequestContext.Set(ActorContext.ActorKey, actor.ToString());
        if (actor != holder) RequestContext.Set(ActorContext.OnBehalfKey, holder.ToString());
    }

    /// <summary>What the Orleans client itself calls without an identity (see <see cref="CallGateOptions.ClientPlumbing"/>).</summary>
    private bool ClientPlumbing(MethodInfo? method) => method?.DeclaringType?.Name is { } name && _plumbing.Contains(name);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Refuse(IIncomingGrainCallContext context, string actor, string message)
    {
        refusals.Note(actor, Name(context), context.TargetId.Key.ToString() ?? "", message);
        throw new AccessDeniedException(message);
    }

    private static string Who(Actor holder, Actor actor) => holder == actor ? actor.ToString() : $"{holder} as {actor}";

    private static string Name(IIncomingGrainCallContext context) =>
        $"{context.InterfaceMethod?.DeclaringType?.Name ?? context.InterfaceName}.{context.MethodName}";

    private static string Spell(Clients clients) => clients switch
    {
        Clients.Operator => "the operator only",
        Clients.Agent => "agents only",
        _ => "the operator and agents",
    };
}
