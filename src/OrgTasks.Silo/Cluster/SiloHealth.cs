using Orleans.Runtime;

namespace OrgTasks.Silo.Cluster;

/// <summary>
/// The two answers a process supervisor (Kubernetes, compose, systemd's watchdog, a load balancer) needs from a silo:
/// is it alive (or should it be restarted), and is it ready (should clients be sent to it).
/// </summary>
/// <remarks>
/// Built on what the silo itself knows: its membership status, and Orleans' own health-check participants (the
/// membership agent, the table manager, the probes of other silos), each of which reports a timer that stopped firing.
/// A silo the cluster has declared dead never comes back to life by itself, so it is not alive; one whose membership
/// timers stalled is wedged, so it is not alive either. A silo that is still joining or already shutting down is alive
/// but not ready.
/// </remarks>
public sealed class SiloHealth(ISiloStatusOracle membership, IEnumerable<IHealthCheckParticipant> participants)
{
    private readonly IHealthCheckParticipant[] _participants = participants.ToArray();
    private long _lastCheckTicks = DateTime.UtcNow.Ticks;

    /// <summary>Alive: not declared dead, and no membership timer stalled since the previous check.</summary>
    public HealthAnswer Liveness()
    {
        var status = membership.CurrentStatus;
        if (status == SiloStatus.Dead) return HealthAnswer.No(status, "the cluster declared this silo dead; restart it to rejoin");
        // Each participant answers whether its timer fired on time since the previous check.
        var since = new DateTime(Interlocked.Exchange(ref _lastCheckTicks, DateTime.UtcNow.Ticks), DateTimeKind.Utc);
        foreach (var participant in _participants)
        {
            if (!participant.CheckHealth(since, out var reason)) return HealthAnswer.No(status, reason);
        }
        return HealthAnswer.Yes(status);
    }

    /// <summary>Ready: alive and an active member of the cluster, so it takes clients and grains.</summary>
    public HealthAnswer Readiness()
    {
        var alive = Liveness();
        if (!alive.Ok) return alive;
        return alive.Status == SiloStatus.Active
            ? alive
            : HealthAnswer.No(alive.Status, $"the silo is {alive.Status.ToString().ToLowerInvariant()}, not active");
    }
}

/// <summary>One health answer: the verdict, the silo's membership status, and why not when it is not.</summary>
public sealed record HealthAnswer(bool Ok, SiloStatus Status, string? Reason)
{
    public static HealthAnswer Yes(SiloStatus status) => new(true, status, null);

    public static HealthAnswer No(SiloStatus status, string reason) => new(false, status, reason);

    /// <summary>The one-line body of the HTTP answer: <c>ok: active</c> or <c>not ready: the silo is joining, not active</c>.</summary>
    public string Text(string failure) => Ok ? $"ok: {Status.ToString().ToLowerInvariant()}" : $"{failure}: {Reason}";
}
