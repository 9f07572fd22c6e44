namespace OrgTasks.Identity;

/// <summary>
/// Reads and writes the acting identity in Orleans' <see cref="Orleans.Runtime.RequestContext"/>, which flows with
/// every grain call. Client apps set it (the client library does); grains get it stamped by the silo's outgoing call
/// filter; the incoming call filter and the grains check it. Authentication of the identity is a later layer: this is
/// the seam it will plug into.
/// </summary>
public static class ActorContext
{
    /// <summary>The RequestContext key. Short, because it is sent with every message.</summary>
    public const string Key = "ot.actor";

    public static Actor? Current =>
        Actor.TryParse(Orleans.Runtime.RequestContext.Get(Key) as string, out var actor) ? actor : null;

    public static void Set(Actor actor) => Orleans.Runtime.RequestContext.Set(Key, actor.ToString());

    /// <summary>Sets the identity for the calls made inside the returned scope, restoring the previous one after.</summary>
    public static IDisposable Use(Actor actor)
    {
        var previous = Orleans.Runtime.RequestContext.Get(Key);
        Set(actor);
        return new Restore(previous);
    }

    private sealed class Restore(object? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null) Orleans.Runtime.RequestContext.Remove(Key);
            else Orleans.Runtime.RequestContext.Set(Key, previous);
        }
    }
}
