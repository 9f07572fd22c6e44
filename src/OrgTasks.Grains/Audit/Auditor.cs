using OrgTasks.Audit;

namespace OrgTasks.Grains.Audit;

/// <summary>
/// Records officers' acts in the audit trail with the proven actor of the call being served. Grains call it after the
/// act is done (stored), so the trail never shows an act that did not happen; refusals are recorded by the call gate.
/// </summary>
public sealed class Auditor(IAuditTrail trail, TimeProvider clock)
{
    /// <summary>The proven actor of the call being served, as the trail writes it.</summary>
    public static string CurrentActor() => ActorContext.OnBehalf is { } by && ActorContext.Current is { } actor
        ? $"{by} as {actor}"
        : ActorContext.Current?.ToString() ?? "anonymous";

    /// <summary>Appends one line for an act just done. <paramref name="reason"/> is a short note, never a text or sealed data.</summary>
    public Task RecordAsync(string action, string target, string reason = "") => RecordAsAsync(CurrentActor(), action, target, reason);

    /// <summary>As <see cref="RecordAsync"/>, for an actor read before the grain's own calls (which act as the grain).</summary>
    public Task RecordAsAsync(string actor, string action, string target, string reason = "") =>
        trail.AppendAsync([new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = target,
            Outcome = AuditOutcome.Done,
            Reason = reason,
        }]);
}
