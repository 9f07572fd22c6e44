using System.Collections.Concurrent;
using OrgTasks.Audit;

namespace OrgTasks.Grains.Identity;

/// <summary>
/// Refused calls (and acts too frequent for a line each), counted per actor, method and minute, for the audit trail: a flood of refused calls becomes a few
/// lines a minute, never a line per call. At most <see cref="BucketsPerMinute"/> distinct lines a minute of each kind;
/// past that they are counted together under one line (forged credentials naming a new subject each time cannot fill
/// the disk). The two kinds have a budget each, so that acts done in many agents' names (a load test's statements) do
/// not fold the refusals of the same minute into that one line.
/// </summary>
public sealed class RefusalTally(TimeProvider clock)
{
    public const int BucketsPerMinute = 1_000;

    private readonly ConcurrentDictionary<(long Minute, string Actor, string Method), Bucket> _refused = new();
    private readonly ConcurrentDictionary<(long Minute, string Actor, string Method), Bucket> _done = new();

    public void Note(string actor, string method, string target, string reason)
    {
        // Tagged by method only: actors are unbounded (a forged credential names any subject), methods are not.
        Telemetry.OrgTasksTelemetry.Refusals.Add(1, new KeyValuePair<string, object?>("orgtasks.method", method));
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var key = (minute, actor, method);
        if (!_refused.ContainsKey(key) && _refused.Count >= BucketsPerMinute) key = (minute, "(many actors)", "(many methods)");
        var bucket = _refused.GetOrAdd(key, static (_, first) => new Bucket(first.target, first.reason, null), (target, reason));
        Interlocked.Increment(ref bucket.Count);
    }

    /// <summary>
    /// An act done too often to be a line each, counted the same way: statements an operator writes in an agent's name
    /// (for testing; a load test writes thousands), one line per actor and minute with their number.
    /// </summary>
    public void NoteDone(string actor, string action, string target, string reason)
    {
        var key = (clock.GetUtcNow().ToUnixTimeSeconds() / 60, actor, action);
        if (!_done.ContainsKey(key) && _done.Count >= BucketsPerMinute) key = (key.Item1, "(many actors)", action);
        var bucket = _done.GetOrAdd(key, static (k, first) => new Bucket(first.target, first.reason, k.Method), (target, reason));
        Interlocked.Increment(ref bucket.Count);
    }

    /// <summary>The lines of the minutes that are over (all of them when <paramref name="all"/>), taken out of the tally.</summary>
    public IReadOnlyList<AuditEntry> Drain(bool all)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var lines = new List<AuditEntry>();
        foreach (var buckets in new[] { _refused, _done })
        foreach (var key in buckets.Keys)
        {
            if (!all && key.Minute >= now) continue;
            if (!buckets.TryRemove(key, out var bucket)) continue;
            lines.Add(new AuditEntry
            {
                At = DateTimeOffset.FromUnixTimeSeconds(key.Minute * 60),
                Actor = key.Actor,
                Action = bucket.Done ?? "refused",
                Target = bucket.Done is null ? $"{key.Method} on {bucket.Target}" : bucket.Target,
                Outcome = bucket.Done is null ? AuditOutcome.Refused : AuditOutcome.Done,
                Reason = bucket.Reason,
                Count = Volatile.Read(ref bucket.Count),
            });
        }
        return lines;
    }

    private sealed class Bucket(string target, string reason, string? done)
    {
        public string Target { get; } = target;
        public string Reason { get; } = reason;
        /// <summary>The action of a line of acts done (<see cref="NoteDone"/>); null for refusals.</summary>
        public string? Done { get; } = done;
        public int Count;
    }
}
