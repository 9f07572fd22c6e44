using OrgTasks.Grains.Checks;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Units;

/// <summary>What a unit has been told: groups cut off, provocateur warnings, alarms. Kept in the unit's own state.</summary>
public abstract partial class UnitGrain
{
    public async Task Notify(Notice notice)
    {
        RequireConfig();
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.System or ActorKind.Operator or ActorKind.Unit))
            throw new AccessDeniedException($"{caller} may not pin notices on '{Id}'");
        ArgumentNullException.ThrowIfNull(notice);
        await PinAsync(notice);
    }

    private async Task PinAsync(Notice notice)
    {
        if (State.Notices.Any(n => n.Id == notice.Id)) return; // a retried notice
        State.Notices.Add(notice);
        var kept = Services.Options.NoticesKept;
        if (State.Notices.Count > kept) State.Notices.RemoveRange(0, State.Notices.Count - kept);
        await WriteStateAsync();
        TellNoticeWatchers(notice);
    }

    public Task<IReadOnlyList<Notice>> GetNotices(int limit)
    {
        var config = RequireConfig();
        RequireInsider(config, "read the notices of");
        EntryChecks.ListLimit(limit, Services.Options);
        // A suspect never reads the warning about itself: not while suspended (refused above), nor after a clear.
        var reader = Callers.Require();
        IReadOnlyList<Notice> newest = State.Notices.AsEnumerable().Reverse().Where(n => !AboutTheReader(n, reader)).Take(limit).ToList();
        return Task.FromResult(newest);
    }

    private static bool AboutTheReader(Notice notice, Actor reader) =>
        reader.Kind == ActorKind.Agent && notice.About == reader.Id
        && notice.Kind is NoticeKind.Warning or NoticeKind.WarningLifted or NoticeKind.Quarantine;

    /// <summary>Members (free ones), delegates detailed here, the unit itself and operators; nobody else.</summary>
    private void RequireInsider(UnitConfig config, string what)
    {
        var caller = Callers.Require();
        if (caller.Kind is ActorKind.Operator or ActorKind.System || caller.IsUnit(Id)) return;
        if (caller.Kind == ActorKind.Agent && !config.Lost.Contains(caller.Id)
            && (config.Members.Contains(caller.Id) || config.Delegates.Contains(caller.Id))) return;
        throw new AccessDeniedException($"{caller} may not {what} '{Id}': only its members and delegates may");
    }
}
