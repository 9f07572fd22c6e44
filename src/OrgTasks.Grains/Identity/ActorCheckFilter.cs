using System.Reflection;

namespace OrgTasks.Grains.Identity;

/// <summary>
/// Refuses any call into an OrgTasks grain that carries no acting identity. The grains then check what that identity
/// may do (the contact rule, membership, the agent acting as itself). Orleans' own calls (reminders, the runtime)
/// are not ours to check and pass untouched.
/// </summary>
public sealed class ActorCheckFilter : IIncomingGrainCallFilter
{
    private static readonly Assembly Contracts = typeof(IUnitGrain).Assembly;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType?.Assembly == Contracts && ActorContext.Current is null)
        {
            throw new AccessDeniedException(
                $"{context.InterfaceName}.{context.MethodName} on '{context.TargetId.Key}' refused: the call carries no acting identity");
        }
        return context.Invoke();
    }
}
