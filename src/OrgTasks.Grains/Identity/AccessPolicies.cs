using System.Collections.Concurrent;
using System.Reflection;

namespace OrgTasks.Grains.Identity;

/// <summary>The declared <see cref="AccessAttribute"/> of each grain interface method, read once by reflection.</summary>
public static class AccessPolicies
{
    private static readonly ConcurrentDictionary<MethodInfo, AccessAttribute?> Known = new();

    /// <summary>The method's declared access, or null when it declares none (refused to every client).</summary>
    public static AccessAttribute? Of(MethodInfo method) =>
        Known.GetOrAdd(method, static m => m.GetCustomAttribute<AccessAttribute>(inherit: true));

    /// <summary>Whether <paramref name="access"/> admits a client acting as <paramref name="actor"/>.</summary>
    public static bool Admits(this AccessAttribute access, Actor actor) => actor.Kind switch
    {
        ActorKind.Operator => access.Clients.HasFlag(Clients.Operator),
        ActorKind.Agent => access.Clients.HasFlag(Clients.Agent),
        _ => false,
    };
}
