using System.Reflection;

namespace OrgTasks.Grains.Identity;

/// <summary>
/// Refuses any call into an OrgTasks grain that carries no acting identity. The grains then check what that identity
/// may do (the contact rule, membership, the agent acting as itself). Orleans' own calls (reminders, the runtime)
/// are not ours to check and pass untouched.
/// </summary>
public sealed class ActorCheckFilter(AgentStandings standings) : IIncomingGrainCallFilter
{
    private static readonly Assembly Contracts = typeof(IUnitGrain).Assembly;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType?.Assembly == Contracts)
        {
            var actor = ActorContext.Current ?? throw new AccessDeniedException(
                $"{context.InterfaceName}.{context.MethodName} on '{context.TargetId.Key}' refused: the call carries no acting identity");
            // An arrested or suspended agent acts no more: every call made on its behalf is refused, wherever it lands.
            if (actor.Kind == ActorKind.Agent && standings.Of(actor.Id) is var standing and not AgentStanding.Free)
                throw new AccessDeniedException($"{actor} is {Spell(standing)}: nothing may be done on its behalf");
        }
        return context.Invoke();
    }

    internal static string Spell(AgentStanding standing) => standing switch
    {
        AgentStanding.Arrested => "arrested",
        AgentStanding.Suspended => "suspended under a warning",
        _ => "free",
    };
}
