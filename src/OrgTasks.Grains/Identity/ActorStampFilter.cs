namespace OrgTasks.Grains.Identity;

/// <summary>
/// Stamps the calling grain's own identity on every call it makes. RequestContext flows along a call chain, so
/// without this a unit passing on an agent's statement would still carry the agent's identity; with it, the next
/// hop sees who is really calling.
/// </summary>
public sealed class ActorStampFilter : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.SourceContext?.GrainInstance is IActingGrain acting) ActorContext.Set(acting.Actor);
        return context.Invoke();
    }
}
