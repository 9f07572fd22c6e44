using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Pumping;

namespace OrgTasks.Grains.Routine;

/// <summary>What the routine shows: its own state, the groups' reports, and the picture of every unit.</summary>
public sealed partial class RoutineGrain
{
    public async Task<RoutineView> GetRoutine()
    {
        var org = await LoadAsync();
        RequireReader(org);
        // Reading the trackers changes no decision: it only brings the areas' last distributions up to date.
        await SettleLeafletsAsync();
        await state.WriteStateAsync();
        return View(org, services.Clock.GetUtcNow(), state.State.Overdue.Count);
    }

    public async Task<ReportsView> GetReports(string? unit)
    {
        var org = await LoadAsync();
        RequireReader(org);
        var now = services.Clock.GetUtcNow();
        var units = await SubtreeAsync(org, unit);
        var groups = ReportBook.Standing(org.Clock, units, await ReceivedAsync(org), now);
        return new ReportsView
        {
            Organization = Name,
            Committee = org.Committee.Unit.Id,
            ReportsEvery = org.Clock.Schedule.ReportsEvery,
            ReportWithin = org.Clock.Schedule.ReportWithin,
            At = now,
            Groups = groups.OrderByDescending(g => g.OverdueBy).ThenBy(g => g.DueBy).ThenBy(g => g.Unit, StringComparer.Ordinal).ToList(),
            Overdue = groups.Count(g => g.Overdue),
            Received = groups.Count(g => g.LastReceived is not null),
        };
    }

    public async Task<PictureView> GetPicture(string? unit)
    {
        var org = await LoadAsync();
        RequireReader(org);
        var now = services.Clock.GetUtcNow();
        var units = await SubtreeAsync(org, unit);
        var reports = ReportBook.Standing(org.Clock, units, await ReceivedAsync(org), now).ToDictionary(g => g.Unit, StringComparer.Ordinal);

        var recent = state.State.Leaflets.AsEnumerable().Reverse().Take(PictureLeaflets).ToList();
        var timings = new List<LeafletTimings>();
        foreach (var leaflet in recent)
        {
            try { timings.Add(await GrainFactory.GetGrain<ILeafletTrackerGrain>(leaflet.LeafletId).GetTimings()); }
            catch (Exception error) when (error is OrgTasksException or TimeoutException or OrleansException)
            {
                Log.RoutineTickFailed(logger, error, Name);
            }
        }

        var held = new System.Collections.Concurrent.ConcurrentDictionary<string, HeldCount>(StringComparer.Ordinal);
        var breachAfter = services.Options.BreachAfter;
        await FanOut.ForEachAsync(units, services.Options.FanOutLimit, async u =>
        {
            var here = await GrainFactory.GetUnit(u.Unit).GetHeld();
            IReadOnlyList<HeldStatement> atContact = u.Contact.Length > 0
                ? (await GrainFactory.GetGrain<IAgentGrain>(u.Contact).GetHeld()).Where(h => h.Hop.Unit == u.Unit.Id).ToList()
                : [];
            var all = here.Concat(atContact).ToList();
            held[u.Unit.Id] = new HeldCount(all.Count, all.Count(h => now - h.Hop.AcceptedAt > breachAfter));
        });

        return new PictureView
        {
            Organization = Name,
            Root = units[0].Unit.Id,
            At = now,
            Leaflets = timings.Select(t => t.LeafletId).ToList(),
            Units = PictureBuilder.Build(units, org.Config.Functions, reports, timings, held, now,
                IdleWatch.Idle(units, state.State.LastDistribution, org.Clock.Since, org.Clock.Schedule.IdleAfter, now)),
        };
    }

    /// <summary>Leaflets the picture's coverage and median are taken over: the newest few, so the picture is recent.</summary>
    private const int PictureLeaflets = 8;

    private RoutineView View(Organization org, DateTimeOffset now, int overdue)
    {
        var s = state.State;
        var clock = org.Clock;
        return new RoutineView
        {
            Organization = Name,
            Committee = org.Committee.Unit.Id,
            Schedule = clock.Schedule,
            Since = clock.Since,
            At = now,
            NextDistributionAt = clock.DistributionAt(Math.Max(s.Distributions, clock.DistributionDue(now)) + 1),
            RoutineDistributions = s.Distributions,
            Leaflets = s.Leaflets.AsEnumerable().Reverse().ToList(),
            Idle = IdleWatch.Idle(org.Units, s.LastDistribution, clock.Since, clock.Schedule.IdleAfter, now),
            ReportsOverdue = overdue,
            AreasWatched = org.Units.Count(IdleWatch.IsArea),
        };
    }

    private async Task<IReadOnlyList<UnitSummary>> SubtreeAsync(Organization org, string? unit) =>
        string.IsNullOrWhiteSpace(unit) ? org.Units : await GrainFactory.GetGrain<IOrganizationGrain>(Name).Describe(unit);

    /// <summary>Operators, the system, the committee itself and its free members may read the routine; nobody else.</summary>
    private static void RequireReader(Organization org)
    {
        var caller = Callers.Require();
        if (caller.Kind is ActorKind.Operator or ActorKind.System || caller.IsUnit(org.Committee.Unit.Id)) return;
        if (caller.Kind == ActorKind.Agent && Officers.IsFreeMember(org.Config, caller.Id)) return;
        throw new AccessDeniedException($"{caller} may not read the routine of '{org.Committee.Unit.Id}': only the committee may");
    }
}
