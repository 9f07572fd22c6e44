using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Pumping;

namespace OrgTasks.Grains.Routine;

/// <summary>
/// The committee's routine for one organization (key: its name). One reminder wakes it every
/// <see cref="OrgTasksOptions.RoutineInterval"/>; each tick does what is due at the organization's clock: the routine
/// distribution, the idle alarm, the round of regular reports, overdue flags and the digest for the Central Organ. All
/// of it counts whole periods from the routine's start (<see cref="RoutineClock"/>), and every message it sends has an
/// id made from that count, so a tick repeated or run twice at once sends nothing twice.
/// </summary>
public sealed partial class RoutineGrain(
    [PersistentState("routine", OrgTasksStorage.Name)] IPersistentState<RoutineState> state,
    OrgTasksServices services,
    ILogger<RoutineGrain> logger)
    : Grain, IRoutineGrain, IRemindable, IActingGrain
{
    /// <summary>Leaflets watched for the idle alarm and the picture: the committee's newest.</summary>
    internal const int LeafletsKept = 16;
    private const string TickReminder = "routine";

    private string Name => this.GetPrimaryKeyString();

    public Actor Actor => Actor.System("routine:" + Name);

    public async Task Start()
    {
        RequireSystemOrOperator("start the routine of");
        if (state.State.Since is null)
        {
            state.State.Since = services.Clock.GetUtcNow();
            await state.WriteStateAsync();
        }
        await this.RegisterOrUpdateReminder(TickReminder, services.Options.RoutineInterval, services.Options.RoutineInterval);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != TickReminder) return;
        try { await TickAsync(); }
        catch (Exception error) when (error is OrgTasksException or TimeoutException or OrleansException)
        {
            Log.RoutineTickFailed(logger, error, Name);
        }
    }

    public Task<RoutineView> Tick()
    {
        RequireSystemOrOperator("run the routine of");
        return TickAsync();
    }

    public async Task NoteLeaflet(RecordedLeaflet leaflet)
    {
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.Unit or ActorKind.System or ActorKind.Operator) || leaflet is null) return;
        if (Record(leaflet)) await state.WriteStateAsync();
    }

    private async Task<RoutineView> TickAsync()
    {
        var org = await LoadAsync();
        var now = services.Clock.GetUtcNow();
        var clock = org.Clock;
        var s = state.State;

        // The routine distribution: the one due now, never a backlog of missed ones (the machine runs again, once).
        var due = clock.DistributionDue(now);
        if (due > s.Distributions)
        {
            var id = RoutineClock.DistributionId(org.Committee.Unit.Id, due);
            await GrainFactory.GetUnit(org.Committee.Unit).IssueLeaflet(new LeafletDraft
            {
                Id = id,
                Title = $"Routine distribution {due}",
                Text = $"Routine distribution no. {due}: the latest literature, to every home on every route.",
            });
            Record(new RecordedLeaflet { LeafletId = id, Scope = org.Committee.Unit.Id, IssuedAt = now, Routine = true });
            s.Distributions = due;
            Log.RoutineDistribution(logger, Name, id);
        }

        await SettleLeafletsAsync();

        var idle = IdleWatch.Idle(org.Units, s.LastDistribution, clock.Since, clock.Schedule.IdleAfter, now);
        var newlyIdle = idle.Select(a => a.Unit).Except(s.Idle, StringComparer.Ordinal).ToList();
        if (newlyIdle.Count > 0)
        {
            await NotifyCommitteeAsync(org, NoticeKind.IdleAlarm, now,
                $"no distribution for more than {PictureBuilder.Span(clock.Schedule.IdleAfter)}: {ReportBook.Names(newlyIdle)}");
        }
        s.Idle = idle.Select(a => a.Unit).ToList();

        var round = clock.ReportRound(now);
        if (round > s.ReportRound && await AskForReportsAsync(org, round)) s.ReportRound = round;

        var standing = ReportBook.Standing(clock, org.Units, await ReceivedAsync(org), now);
        var overdue = standing.Where(g => g.Overdue).Select(g => g.Unit).ToList();
        var newlyOverdue = overdue.Except(s.Overdue, StringComparer.Ordinal).ToList();
        if (newlyOverdue.Count > 0)
            await NotifyCommitteeAsync(org, NoticeKind.ReportOverdue, now, $"regular report overdue from {newlyOverdue.Count} group(s): {ReportBook.Names(newlyOverdue)}");
        s.Overdue = overdue;

        var pastDue = clock.LastRoundPastDue(now);
        if (pastDue > s.DigestRound && org.Config.CentralOrgan is not null)
        {
            var written = await GrainFactory.GetUnit(org.Committee.Unit).WriteReport(new ReportRequest
            {
                StatementId = RoutineClock.DigestId(org.Committee.Unit.Id, pastDue),
                To = Addressee.CentralOrgan,
                Text = ReportBook.Digest(org.Committee.Unit.Id, pastDue, clock, standing),
            });
            if (written) s.DigestRound = pastDue;
        }

        await state.WriteStateAsync();
        return View(org, now, overdue.Count);
    }

    /// <summary>Asks every group for the round's report; true when all were asked (otherwise the next tick asks again,
    /// and the groups already asked find their report accepted under the same id).</summary>
    private async Task<bool> AskForReportsAsync(Organization org, int round)
    {
        var groups = org.Units.Where(u => u.Unit.Kind.IsGroup()).ToList();
        var failed = 0;
        await FanOut.ForEachAsync(groups, services.Options.FanOutLimit, async group =>
        {
            try
            {
                await GrainFactory.GetUnit(group.Unit).WriteReport(new ReportRequest
                {
                    StatementId = RoutineClock.ReportId(group.Unit.Id, round),
                    To = Addressee.Committee,
                });
            }
            catch (Exception error) when (error is OrgTasksException or TimeoutException or OrleansException)
            {
                Interlocked.Increment(ref failed);
                Log.ReportRequestFailed(logger, error, group.Unit.Id);
            }
        });
        return failed == 0;
    }

    /// <summary>Reads the trackers of leaflets not yet complete; counts each district and factory they reached in full.</summary>
    private async Task SettleLeafletsAsync()
    {
        var s = state.State;
        for (var i = 0; i < s.Leaflets.Count; i++)
        {
            var leaflet = s.Leaflets[i];
            if (leaflet.Settled) continue;
            try
            {
                var status = await GrainFactory.GetGrain<ILeafletTrackerGrain>(leaflet.LeafletId).GetStatus();
                IdleWatch.Count(status, s.LastDistribution);
                if (status.Complete) s.Leaflets[i] = leaflet with { Settled = true };
            }
            catch (Exception error) when (error is OrgTasksException or TimeoutException or OrleansException)
            {
                Log.RoutineTickFailed(logger, error, Name);
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, ReceivedReport>> ReceivedAsync(Organization org) =>
        (await GrainFactory.GetUnit(org.Committee.Unit).GetReportsReceived()).ToDictionary(r => r.Unit, StringComparer.Ordinal);

    private Task NotifyCommitteeAsync(Organization org, NoticeKind kind, DateTimeOffset at, string text) =>
        GrainFactory.GetUnit(org.Committee.Unit).Notify(new Notice
        {
            Id = $"{kind}:{org.Committee.Unit.Id}:{at.ToUnixTimeMilliseconds()}",
            Kind = kind,
            At = at,
            About = org.Committee.Unit.Id,
            Text = text,
        });

    /// <summary>Adds a leaflet once (newest last, at most <see cref="LeafletsKept"/>); true when it was new.</summary>
    private bool Record(RecordedLeaflet leaflet)
    {
        var list = state.State.Leaflets;
        if (list.Any(l => l.LeafletId == leaflet.LeafletId)) return false;
        list.Add(leaflet);
        list.Sort((a, b) => a.IssuedAt.CompareTo(b.IssuedAt));
        if (list.Count > LeafletsKept) list.RemoveRange(0, list.Count - LeafletsKept);
        return true;
    }

    /// <summary>The organization as the routine needs it: the committee's configuration and the tree under it.</summary>
    private sealed record Organization(UnitSummary Committee, UnitConfig Config, IReadOnlyList<UnitSummary> Units, RoutineClock Clock);

    private async Task<Organization> LoadAsync()
    {
        var since = state.State.Since ?? throw new NotFoundException($"the routine of organization '{Name}' has not started: apply the organization file");
        var directory = GrainFactory.GetGrain<IOrganizationGrain>(Name);
        var units = await directory.Describe(null);
        var committee = units[0];
        var config = await GrainFactory.GetUnit(committee.Unit).GetConfig()
            ?? throw new NotFoundException($"committee '{committee.Unit.Id}' is not configured");
        return new Organization(committee, config, units, new RoutineClock(since, config.Routine ?? RoutineSchedule.Default));
    }

    private void RequireSystemOrOperator(string what)
    {
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.System or ActorKind.Operator))
            throw new AccessDeniedException($"{caller} may not {what} organization '{Name}'");
    }
}
