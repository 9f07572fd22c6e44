using System.Globalization;

namespace OrgTasks.Grains.Routine;

/// <summary>What a unit holds now: statements at the unit and at its contact for it, and how many of them are breaches.</summary>
public readonly record struct HeldCount(int Statements, int Breaches);

/// <summary>
/// Builds "who plays which fiddle, and who is out of tune" from the tree, the reports received, the recent leaflets'
/// per-unit timings and what each unit holds. Pure. A unit's coverage and delivery time are its whole subtree's (a
/// district's time is until its last distribution group was served), so units are compared with units of their own
/// kind only. Bounded: one pass per leaflet over the units with routes, times the depth of the tree.
/// </summary>
public static class PictureBuilder
{
    /// <summary>A unit is slow when its median is over twice its peers' plus this much (so noise near zero is not an alarm).</summary>
    public const double SlackSeconds = 1.0;
    /// <summary>A unit's coverage is poor when it is this far below its peers' median.</summary>
    public const double CoverageGap = 0.10;
    /// <summary>Homes of a leaflet without a deadline are overdue this long after its issue (with one, at its deadline).</summary>
    public static readonly TimeSpan PendingAfter = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<UnitPicture> Build(
        IReadOnlyList<UnitSummary> units,
        IReadOnlyDictionary<string, string> committeeFunctions,
        IReadOnlyDictionary<string, GroupReportStatus> reports,
        IReadOnlyList<LeafletTimings> leaflets,
        IReadOnlyDictionary<string, HeldCount> held,
        DateTimeOffset now,
        IReadOnlyList<IdleArea>? idle = null)
    {
        var index = units.Select((u, i) => (u.Unit.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var parent = units.Select(u => u.Parent is { } p && index.TryGetValue(p, out var pi) ? pi : -1).ToArray();
        var reached = new long[units.Count];
        var total = new long[units.Count];
        var delays = units.Select(_ => new List<double>()).ToArray();
        var counted = new int[units.Count];
        // Homes still waiting past the leaflet's deadline: an absolute fault, whatever the unit's peers do.
        var pending = new long[units.Count];
        var pendingSince = new DateTimeOffset?[units.Count];

        foreach (var leaflet in leaflets)
        {
            var slowest = new Dictionary<int, double>();
            var overdueAt = leaflet.Deadline ?? leaflet.IssuedAt + PendingAfter;
            foreach (var timing in leaflet.Units)
            {
                if (!index.TryGetValue(timing.Unit, out var at)) continue;
                if (!leaflet.Closed && now > overdueAt && timing.HomesReached < timing.HomesTotal)
                {
                    pending[at] += timing.HomesTotal - timing.HomesReached;
                    if (pendingSince[at] is not { } since || overdueAt < since) pendingSince[at] = overdueAt;
                }
                var delay = Math.Max(0, ((timing.CompletedAt ?? now) - leaflet.IssuedAt).TotalSeconds);
                for (var u = at; u >= 0; u = parent[u])
                {
                    reached[u] += timing.HomesReached;
                    total[u] += timing.HomesTotal;
                    slowest[u] = Math.Max(slowest.GetValueOrDefault(u), delay);
                }
            }
            foreach (var (u, delay) in slowest)
            {
                delays[u].Add(delay);
                counted[u]++;
            }
        }

        var pictures = units.Select((u, i) =>
        {
            var report = reports.GetValueOrDefault(u.Unit.Id);
            var h = held.GetValueOrDefault(u.Unit.Id);
            return new UnitPicture
            {
                Unit = u.Unit.Id,
                Kind = u.Unit.Kind.Spelling(),
                Functions = u.Unit.Kind == UnitKind.Committee
                    ? committeeFunctions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}").ToList()
                    : [],
                Contact = u.Contact,
                Members = u.Members.Count,
                LastReport = report?.LastReceived,
                ReportOverdue = report?.Overdue ?? false,
                HomesReached = reached[i],
                HomesTotal = total[i],
                MedianSeconds = Median(delays[i]),
                StatementsHeld = h.Statements,
                Breaches = h.Breaches,
                Depth = u.Depth,
                LeafletsCounted = counted[i],
                HomesPending = pending[i],
            };
        }).ToList();

        var idleByUnit = (idle ?? []).ToDictionary(a => a.Unit, StringComparer.Ordinal);
        var judged = pictures.Select((p, i) =>
        {
            var truth = Truth(units[i], pending[i], pendingSince[i], idleByUnit.GetValueOrDefault(units[i].Unit.Id), now, out var weight);
            return (Picture: p with { OutOfTune = [.. truth, .. Reasons(p, pictures, reports, out var score)] }, Score: weight + score);
        }).ToList();
        return judged
            .Select((j, order) => (j.Picture, j.Score, order))
            .OrderByDescending(j => j.Picture.OutOfTune.Count > 0)
            .ThenByDescending(j => j.Picture.OutOfTune.Count)
            .ThenByDescending(j => j.Score)
            .ThenBy(j => j.order)
            .Select(j => j.Picture)
            .ToList();
    }

    private static List<string> Reasons(UnitPicture unit, IReadOnlyList<UnitPicture> all, IReadOnlyDictionary<string, GroupReportStatus> reports, out double score)
    {
        var c = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        score = 0;
        var peers = all.Where(p => p.Kind == unit.Kind && p.Unit != unit.Unit).ToList();

        if (unit.MedianSeconds is { } median && Median(peers.Where(p => p.MedianSeconds is not null).Select(p => p.MedianSeconds!.Value).ToList()) is { } peerMedian
            && median > 2 * peerMedian + SlackSeconds)
        {
            reasons.Add(string.Create(c, $"median {median:0.0} s vs {peerMedian:0.0} s for peers"));
            score += median / (peerMedian + SlackSeconds);
        }
        if (unit.HomesTotal > 0 && Median(peers.Where(p => p.HomesTotal > 0).Select(p => (double)p.HomesReached / p.HomesTotal).ToList()) is { } peerCoverage)
        {
            var coverage = (double)unit.HomesReached / unit.HomesTotal;
            if (coverage < peerCoverage - CoverageGap)
            {
                reasons.Add(string.Create(c, $"coverage {100 * coverage:0.0} % vs {100 * peerCoverage:0.0} % for peers"));
                score += peerCoverage - coverage;
            }
        }
        if (unit.Breaches > 0)
        {
            reasons.Add(string.Create(c, $"{unit.Breaches} breach(es): statements held past the limit"));
            score += unit.Breaches;
        }
        if (reports.GetValueOrDefault(unit.Unit) is { Overdue: true } report)
        {
            reasons.Add($"report overdue by {Span(report.OverdueBy)}");
            score += 1;
        }
        return reasons;
    }

    /// <summary>
    /// Faults that need no peers to compare with: a unit cut off or without a contact, homes still pending past the
    /// deadline, an area idle past the schedule. They weigh more than any comparison, so they come first.
    /// </summary>
    private static List<string> Truth(UnitSummary unit, long pending, DateTimeOffset? pendingSince, IdleArea? idle, DateTimeOffset now, out double weight)
    {
        var reasons = new List<string>();
        weight = 0;
        if (unit.CutOff is { } cutOff)
        {
            reasons.Add(cutOff);
            weight += 1000;
        }
        else if (unit.Contact.Length == 0 && !unit.Unit.Kind.IsCentre())
        {
            reasons.Add("no contact");
            weight += 1000;
        }
        if (pending > 0 && pendingSince is { } since)
        {
            reasons.Add($"{pending} home(s) pending for {Span(now - since)} past the deadline");
            weight += 100;
        }
        if (idle is not null)
        {
            reasons.Add(idle.LastDistribution is null
                ? $"idle: no complete distribution in {Span(idle.IdleFor)}"
                : $"idle: no complete distribution for {Span(idle.IdleFor)}");
            weight += 10;
        }
        return reasons;
    }

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary><c>3 d 4 h</c>, <c>5 h 10 min</c>, <c>12 min</c>, <c>42 s</c>.</summary>
    public static string Span(TimeSpan span) =>
        span >= TimeSpan.FromDays(1) ? $"{(int)span.TotalDays} d {span.Hours} h"
        : span >= TimeSpan.FromHours(1) ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : span >= TimeSpan.FromMinutes(1) ? $"{(int)span.TotalMinutes} min"
        : $"{(int)span.TotalSeconds} s";
}
