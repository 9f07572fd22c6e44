using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Watching;

/// <summary>The one rule for who may watch a grain: the silos' own live feed (the system), no client and no unit.</summary>
internal static class Watchers
{
    public static void RequireSilo(string what)
    {
        var caller = Callers.Require();
        if (caller.Kind != ActorKind.System)
            throw new AccessDeniedException($"{caller} may not watch {what}: only the silo's live feed may");
    }
}
