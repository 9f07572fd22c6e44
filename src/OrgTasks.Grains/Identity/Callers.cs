namespace OrgTasks.Grains.Identity;

/// <summary>The acting identity of the call being served, for the grains' own checks of what it may do.</summary>
internal static class Callers
{
    /// <summary>The caller's identity; a call without one is refused (the incoming filter already does, this is the grain's own guard).</summary>
    public static Actor Require() =>
        ActorContext.Current ?? throw new AccessDeniedException("the call carries no acting identity");
}
