namespace OrgTasks.Grains;

/// <summary>The timings of live watching, named once for the grains and the silo's live feed.</summary>
public static class WatchTimings
{
    /// <summary>A watcher not renewed for this long is dropped (it belonged to a silo that stopped or forgot it).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    /// <summary>How often a live feed renews its watch: a third of <see cref="Expiry"/>, so one lost renewal drops nothing.</summary>
    public static readonly TimeSpan Renew = TimeSpan.FromSeconds(20);

    /// <summary>A leaflet's picture is pushed at most this often while it changes, and at once when it is complete.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);
}
